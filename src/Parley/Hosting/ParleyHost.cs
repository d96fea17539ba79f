using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Email;
using Parley.Core.Events;
using Parley.Core.Markup;
using Parley.Core.Security;
using Parley.Core.Storage;
using Parley.Hosting.Metrics;
using Parley.Http;
using Parley.Http.Admin;
using Parley.Http.Edge;
using Parley.Http.Isso;
using Parley.Http.Live;
using Parley.Http.Static;
using Parley.Storage;

namespace Parley.Hosting;

/// <summary>What the caller decides besides the config: tests pass a clock and a loopback address.</summary>
internal sealed record ParleyHostOptions
{
    /// <summary>Overrides <c>[server] listen</c> (tests use <c>http://127.0.0.1:0</c>).</summary>
    public string? Listen { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;
    /// <summary>Back-off of the mail outbox; tests shorten it.</summary>
    public MailRetry MailRetry { get; init; } = new();
    /// <summary>The file the config came from: watched, and read again on SIGHUP. Null: the config never changes.</summary>
    public string? ConfigPath { get; init; }
    /// <summary>The browser client's files; null: <c>wwwroot</c> beside the binary.</summary>
    public string? WebRoot { get; init; }
    /// <summary>One more place the log goes (tests read it).</summary>
    public ILoggerProvider? LogSink { get; init; }
    /// <summary>Event destinations besides the configured ones (tests add ones that fail on purpose).</summary>
    public IReadOnlyList<IEventDestination> Destinations { get; init; } = [];
}

/// <summary>The only place that composes the app: config → store → rules → HTTP.</summary>
internal static class ParleyHost
{
    public static WebApplication Build(ParleyConfig config, ParleyHostOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = options.WebRoot ?? Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // It logs nothing above Information, yet while enabled at all it starts an Activity and a log scope for every
        // request: a few per cent of the cost of a short answer.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        // Page-title lookups would log every outgoing request.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        if (options.LogSink is { } sink)
        {
            builder.Logging.AddProvider(sink);
        }
        // The settings that may change live are scoped (one reading per request); a singleton that captured them would
        // keep the start-up values forever, so taking a scoped service into a singleton fails instead.
        builder.Host.UseDefaultServiceProvider(o => o.ValidateScopes = true);
        Listen(builder, options.Listen ?? config.Server.Listen);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(new LiveConfig(config));
        services.AddScoped(sp => sp.GetRequiredService<LiveConfig>().Current);
        services.AddHostedService<ConfigReloader>();
        services.AddSingleton(options.Time);
        services.AddSingleton<ICommentStore>(_ => StoreFactory.Open(config));
        services.AddSingleton(sp => new TokenSigner(sp.GetRequiredService<ICommentStore>().SessionKey, options.Time));
        services.AddSingleton<CommentTokens>();
        services.AddSingleton(new AuthorHash(config.Hash));
        services.AddSingleton(new CommentRenderer(config.Markup));
        services.AddSingleton<Origins>();
        services.AddScoped<IssoJson>();
        services.AddSingleton<ReadCache>();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<LiveFrames>();
        services.AddSingleton<CommentFragments>();
        services.AddSingleton(sp => ClientFiles.Load(
            sp.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider, sp.GetRequiredService<ILogger<ClientFiles>>()));
        services.AddSingleton<OwnershipCookies>();
        services.AddSingleton<DiskFull>();
        services.AddSingleton<DatabaseDown>();
        services.AddSingleton<AdminSession>();
        services.AddSingleton<AdminJson>();
        services.AddScoped<AdminApiFilter>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<ParleyMetrics>();
        services.AddSingleton<MetricsCollector>();
        // Title discovery follows redirects itself (path only, same host), so the handler must not.
        services.AddHttpClient(nameof(PageTitle)).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton(sp => new PageTitle(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(PageTitle))));
        services.AddHostedService<AdminPasswordRecord>();
        services.AddNotifications(config, options.MailRetry, options.Destinations);
        services.AddSingleton<CommentService>();
        services.AddSingleton(sp => new Core.Spam.ProofOfWork(sp.GetRequiredService<ICommentStore>().SessionKey, sp.GetRequiredService<TimeProvider>()));
        ApiDescription.Register(services);
        services.AddHostedService<PurgeWorker>();
        // The app is built below; the warm-up is made when the host starts, and rehearses on a copy of its pipeline.
        WebApplication? built = null;
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<Warmup>(sp, () => ((IApplicationBuilder)built!).Build()));
        if (config.Demo.Enabled)
        {
            services.AddHostedService<DemoReset>();
        }

        var app = built = builder.Build();
        // Open the database now so a broken file stops start-up instead of the first request.
        _ = app.Services.GetRequiredService<ICommentStore>();
        // Listening from the start, so the first requests are counted too.
        _ = app.Services.GetRequiredService<MetricsCollector>();
        app.UseMiddleware<ClientAddress>(config.Server.TrustedProxies);
        app.UseMiddleware<Cors>();
        app.UseMiddleware<RefusedOrigins>(options.ConfigPath ?? "isso.cfg");
        app.UseMiddleware<ErrorMapping>();
        app.UseMiddleware<InputCheck>();
        app.UseMiddleware<ServeClientFiles>();
        // What is not held in memory (source maps, anything unexpected in wwwroot) is read from disk.
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "max-age=43200, public",
        });
        app.UseRouting();
        Routes.Map(app);
        // Explicit, so that a copy of this pipeline runs the endpoints too (the host would add it only to its own).
        app.UseEndpoints(_ => { });
        return app;
    }

    private static void Listen(WebApplicationBuilder builder, string listen)
    {
        if (listen.StartsWith("unix://", StringComparison.OrdinalIgnoreCase))
        {
            var socket = listen["unix://".Length..];
            if (File.Exists(socket))
            {
                File.Delete(socket);
            }
            builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(socket));
            return;
        }
        var uri = new Uri(listen);
        var host = uri.Host is "localhost" ? "localhost" : uri.Host;
        builder.WebHost.UseUrls($"http://{host}:{(uri.IsDefaultPort ? 80 : uri.Port)}");
    }
}
