using System;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CelerData.Generated.Runtime.Tests.Infrastructure;

/// <summary>Captures every log record at every level.</summary>
public sealed class LogCapture : IDisposable
{
    private readonly FakeLoggerProvider _provider = new();

    public LogCapture()
    {
        Factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(_provider));
    }

    public ILoggerFactory Factory { get; }

    public FakeLogCollector Collector => _provider.Collector;

    /// <summary>Every message, every structured value and every logged exception, as one text.</summary>
    public string AllText()
    {
        var text = new StringBuilder();
        foreach (var record in Collector.GetSnapshot())
        {
            text.AppendLine(record.Message);
            text.AppendLine(record.Exception?.ToString());
            foreach (var pair in record.StructuredState ?? [])
            {
                text.AppendLine(pair.Key + "=" + pair.Value);
            }
        }

        return text.ToString();
    }

    public bool HasEvent(string eventName) => Collector.GetSnapshot().Any(r => r.Id.Name == eventName);

    public void Dispose()
    {
        Factory.Dispose();
        _provider.Dispose();
    }
}
