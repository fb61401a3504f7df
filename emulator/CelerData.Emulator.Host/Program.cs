using CelerData.Emulator;

return await EmulatorHost.RunAsync(args);
