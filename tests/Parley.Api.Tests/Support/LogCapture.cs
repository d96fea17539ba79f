using Microsoft.Extensions.Logging;

namespace Parley.Api.Tests.Support;

/// <summary>One entry the app logged: who, how severe, the formatted line, and the exception attached, if any.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

/// <summary>Every line an app logs, kept for assertions; <see cref="WaitForAsync"/> waits for one to appear.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly List<string> _lines = [];
    private readonly List<LogEntry> _entries = [];
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

    /// <summary>The entries so far, with their category and exception.</summary>
    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_lines)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The first line containing every one of <paramref name="parts"/>, once it is logged.</summary>
    public Task<string> WaitForAsync(params string[] parts) => WaitForNthAsync(1, parts);

    /// <summary>The <paramref name="n"/>th line containing every one of <paramref name="parts"/>, once it is logged.</summary>
    public async Task<string> WaitForNthAsync(int n, params string[] parts)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            Task next;
            lock (_lines)
            {
                if (_lines.Where(l => parts.All(p => l.Contains(p, StringComparison.Ordinal))).Skip(n - 1).FirstOrDefault() is { } line)
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
                throw new TimeoutException($"No log line {n} with {string.Join(" and ", parts)} within 30 s:\n{string.Join('\n', Lines)}");
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        TaskCompletionSource woken;
        lock (_lines)
        {
            _lines.Add($"{entry.Level}: {entry.Message}");
            _entries.Add(entry);
            woken = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        woken.SetResult();
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Add(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}
