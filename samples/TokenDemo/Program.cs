using System;
using System.Threading;
using TokenDemo;

// Ctrl+C cancels; the demo sets its own time budget (a minute when it only reads, longer when it suspends and resumes).
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await Demo.RunAsync(args, Console.Out, Console.Error, cancellation.Token).ConfigureAwait(false);
