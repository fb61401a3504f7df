using System;
using System.Threading;
using TokenDemo;

// One minute is far more than a token and a cluster list need; a hung endpoint then fails with a clear message.
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await Demo.RunAsync(args, Console.Out, Console.Error, cancellation.Token).ConfigureAwait(false);
