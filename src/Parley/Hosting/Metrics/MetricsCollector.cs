using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Parley.Core.Config;

namespace Parley.Hosting.Metrics;

/// <summary>
/// Listens to this app's meters (ASP.NET Core's request duration and <see cref="ParleyMetrics"/>) and keeps running totals
/// for the Prometheus text format: counters per label set, and the request durations as a histogram per route, method and
/// status. Memory stays small: label values are routes, methods, status codes and destination names, not paths.
/// </summary>
internal sealed class MetricsCollector : IDisposable
{
    private const string HostingMeter = "Microsoft.AspNetCore.Hosting";
    private const string RequestDuration = "http.server.request.duration";

    // Seconds; Prometheus' usual latency buckets, from a kept answer (well under a millisecond) to a stuck request.
    private static readonly double[] Bounds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<CounterKey, long> _counters = new();
    private readonly ConcurrentDictionary<RequestKey, Histogram> _requests = new();
    private int _started;

    public MetricsCollector(IMeterFactory meters, LiveConfig config)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            var mine = ReferenceEquals(instrument.Meter.Scope, meters);
            if (mine && (instrument.Meter.Name == ParleyMetrics.MeterName
                || (instrument.Meter.Name == HostingMeter && instrument.Name == RequestDuration)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _counters.AddOrUpdate(CounterKey.Of(instrument.Name, tags), value, (_, total) => total + value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == RequestDuration)
            {
                _requests.GetOrAdd(RequestKey.Of(tags), _ => new Histogram()).Add(value);
            }
        });
        // Measuring costs every request a little: only while someone may read the figures. Turned on by a reload, the
        // endpoint starts it at its first scrape.
        if (config.Current.Server.MetricsAllow.Count > 0)
        {
            Start();
        }
    }

    /// <summary>Starts listening (once); what happened before is not counted.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _listener.Start();
        }
    }

    /// <summary>Writes every total kept so far, then <paramref name="gauges"/> (name, help, labelled values), as Prometheus text.</summary>
    public string Write(IEnumerable<(string Name, string Help, IEnumerable<(string Labels, double Value)> Values)> gauges)
    {
        var text = new StringBuilder();
        var requests = _requests.Select(r => (Labels: r.Key.Labels(), Histogram: r.Value)).OrderBy(r => r.Labels, StringComparer.Ordinal).ToList();
        Header(text, "parley_http_requests_total", "HTTP requests answered, by route, method and status.", "counter");
        foreach (var (labels, histogram) in requests)
        {
            Sample(text, "parley_http_requests_total", labels, histogram.Count);
        }
        Header(text, "parley_http_request_duration_seconds", "Time to answer HTTP requests, by route, method and status.", "histogram");
        foreach (var (labels, histogram) in requests)
        {
            histogram.Write(text, labels);
        }
        WriteCounter(text, "parley.comments.created", "parley_comments_created_total", "Comments this instance accepted (POST /new).");
        WriteCounter(text, "parley.deliveries.failed", "parley_deliveries_failed_total", "Failed attempts to hand an event to a destination, by destination.");
        WriteCounter(text, "parley.cache.lookups", "parley_cache_lookups_total", "Thread fetches answered from a kept answer (hit) or built (miss).");
        WriteCounter(text, "parley.database.errors", "parley_database_errors_total", "Requests refused because the database was unavailable or full.");
        foreach (var (name, help, values) in gauges)
        {
            Header(text, name, help, "gauge");
            foreach (var (labels, value) in values)
            {
                Sample(text, name, labels, value);
            }
        }
        return text.ToString();
    }

    private void WriteCounter(StringBuilder text, string instrument, string name, string help)
    {
        Header(text, name, help, "counter");
        var samples = _counters.Where(c => c.Key.Name == instrument).Select(c => (Labels: c.Key.Labels(), c.Value))
            .OrderBy(c => c.Labels, StringComparer.Ordinal).ToList();
        if (samples.Count == 0 && instrument is "parley.comments.created" or "parley.database.errors")
        {
            // A counter without labels reads 0 before its first event, so a rate can be taken from the start.
            Sample(text, name, "", 0);
        }
        foreach (var (labels, value) in samples)
        {
            Sample(text, name, labels, value);
        }
    }

    private static void Header(StringBuilder text, string name, string help, string type) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    internal static void Sample(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }
        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary><c>name="value"</c> pairs, the value escaped as the text format asks.</summary>
    internal static string Label(string name, string value) =>
        $"{name}=\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"";

    // Kept per measurement without building strings: Parley's counters carry at most one tag, requests three.
    private readonly record struct CounterKey(string Name, string? Tag, string? Value)
    {
        public static CounterKey Of(string name, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            tags.Length == 0 ? new(name, null, null) : new(name, tags[0].Key, tags[0].Value as string);

        public string Labels() => Tag is null ? "" : Label(Tag, Value ?? "");
    }

    private readonly record struct RequestKey(string? Route, string? Method, int Status)
    {
        public static RequestKey Of(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? route = null, method = null;
            var status = 0;
            foreach (var tag in tags)
            {
                switch (tag.Key)
                {
                    case "http.route":
                        route = tag.Value as string;
                        break;
                    case "http.request.method":
                        method = tag.Value as string;
                        break;
                    case "http.response.status_code":
                        status = tag.Value is int code ? code : 0;
                        break;
                }
            }
            return new(route, method, status);
        }

        public string Labels() =>
            $"{Label("route", Route ?? "unmatched")},{Label("method", Method ?? "")},{Label("status", Status.ToString(CultureInfo.InvariantCulture))}";
    }

    public void Dispose() => _listener.Dispose();

    // Cumulative buckets as Prometheus keeps them; updated under a lock (a request adds one value).
    private sealed class Histogram
    {
        private readonly long[] _buckets = new long[Bounds.Length];
        private readonly Lock _lock = new();
        private double _sum;

        public long Count { get; private set; }

        public void Add(double value)
        {
            lock (_lock)
            {
                for (var i = 0; i < Bounds.Length; i++)
                {
                    if (value <= Bounds[i])
                    {
                        _buckets[i]++;
                    }
                }
                _sum += value;
                Count++;
            }
        }

        public void Write(StringBuilder text, string labels)
        {
            lock (_lock)
            {
                for (var i = 0; i < Bounds.Length; i++)
                {
                    Sample(text, "parley_http_request_duration_seconds_bucket", $"{labels},{Label("le", Number(Bounds[i]))}", _buckets[i]);
                }
                Sample(text, "parley_http_request_duration_seconds_bucket", $"{labels},{Label("le", "+Inf")}", Count);
                Sample(text, "parley_http_request_duration_seconds_sum", labels, _sum);
                Sample(text, "parley_http_request_duration_seconds_count", labels, Count);
            }
        }
    }
}
