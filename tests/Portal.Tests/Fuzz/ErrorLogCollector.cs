using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Portal.Tests.Fuzz;

/// <summary>Every log entry of level Error or above (the exception handler logs each unhandled exception so), kept for the fuzzer to count.</summary>
public sealed class ErrorLogCollector : ILoggerProvider
{
    public ConcurrentQueue<string> Errors { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collector(ErrorLogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                owner.Errors.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message} {string.Join(" | ", (exception?.StackTrace ?? "").Split('\n').Take(8).Select(l => l.Trim()))}");
            }
        }
    }
}
