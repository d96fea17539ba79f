using Microsoft.Extensions.Logging;

namespace Parley.Api.Tests.Support;

/// <summary>Every line an app logs, kept for assertions; <see cref="WaitForAsync"/> waits for one to appear.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly List<string> _lines = [];
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The lines so far, as <c>Level: message</c>.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>The first line containing every one of <paramref name="parts"/>, once it is logged.</summary>
    public async Task<string> WaitForAsync(params string[] parts)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            Task next;
            lock (_lines)
            {
                if (_lines.FirstOrDefault(l => parts.All(p => l.Contains(p, StringComparison.Ordinal))) is { } line)
                {
                    return line;
                }
                next = _next.Task;
            }
            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No log line with {string.Join(" and ", parts)} within 30 s:\n{string.Join('\n', Lines)}");
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        TaskCompletionSource woken;
        lock (_lines)
        {
            _lines.Add(line);
            woken = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        woken.SetResult();
    }

    private sealed class Logger(LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Add($"{logLevel}: {formatter(state, exception)}");
    }
}
