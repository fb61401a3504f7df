using System;
using Microsoft.Extensions.Logging;

namespace CelerData.FleetClient;

/// <summary>Writes every log line to standard error, where the fleet test reads it.</summary>
internal sealed class StandardErrorLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Console.Error.WriteLine(logLevel + " " + category + "[" + eventId.Id + "]: " + formatter(state, exception) + (exception is null ? "" : " " + exception.GetType().Name));
        }
    }
}
