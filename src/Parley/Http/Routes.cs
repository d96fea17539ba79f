using Parley.Http.Admin;
using Parley.Http.Isso;
using Parley.Http.Live;

namespace Parley.Http;

/// <summary>The whole route table, grouped by access. Handler names follow Isso's views.</summary>
internal static class Routes
{
    // HEAD is answered wherever GET is; Kestrel drops the body.
    private static readonly string[] Read = [HttpMethods.Get, HttpMethods.Head];

    public static void Map(WebApplication app)
    {
        // Isso public API (spec/api.md §1.2).
        app.MapMethods("/", Read, Threads.Fetch);
        app.MapPost("/new", Comments.New);
        app.MapPost("/count", Threads.Counts);
        app.MapMethods("/feed", Read, Feed.Thread);
        app.MapMethods("/latest", Read, Threads.Latest);
        app.MapPost("/preview", Comments.Preview);
        app.MapMethods("/config", Read, ClientConfig.Config);
        // Any method, as in Isso; the OpenAPI generator skips such routes, so the summary is given here.
        app.Map("/info", ClientConfig.Info)
            .WithSummary("Any method: the Isso version Parley speaks, its host, the site origin and whether moderation is on.");
        app.MapMethods("/origin-check", Read, ClientConfig.OriginCheck);
        app.MapGet("/challenge", Challenges.Get)
            .WithSummary("A proof-of-work challenge (ALTCHA v1: algorithm, challenge, maxnumber, salt, signature) while [spam] proof-of-work is on.");
        app.MapGet("/events/stream", LiveStream.Get)
            .WithSummary("Server-Sent Events: published comments as they happen, of ?uri= or every thread; resumes after Last-Event-ID.");
        app.MapMethods("/badge.svg", Read, CountBadge.Get)
            .WithSummary("An SVG image \"comments | N\" of the published comments of ?uri= (0 for an unknown uri), with an ETag.");

        // Comment owner: the ownership cookie is checked in each handler (signature, window, text hash).
        app.MapMethods("/id/{id:long:min(0)}", Read, Comments.View);
        app.MapPut("/id/{id:long:min(0)}", Comments.Edit);
        app.MapDelete("/id/{id:long:min(0)}", Comments.Delete);
        app.MapPost("/id/{id:long:min(0)}/like", Votes.Like);
        app.MapPost("/id/{id:long:min(0)}/dislike", Votes.Dislike);

        // Signed links from e-mails and the admin page.
        app.MapMethods("/id/{id:long:min(0)}/unsubscribe/{email}/{key}", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post], Isso.Moderation.Unsubscribe);
        app.MapMethods("/id/{id:long:min(0)}/subscribe/{email}/{key}", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post], Isso.Moderation.Subscribe);
        app.MapMethods("/id/{id:long:min(0)}/{action}/{key}", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post], Isso.Moderation.Moderate);

        // Admin (behind the password) and the demo page.
        app.MapPost("/login/", AdminPages.Login);
        app.MapMethods("/admin/", Read, AdminPages.Admin);
        app.MapMethods("/demo/", Read, DemoPage.Show);
        MapAdminApi(app);

        // Operations: Prometheus text for the addresses of [server] metrics-allow.
        app.MapGet("/metrics", Metrics.Get)
            .WithSummary("Prometheus text (format 0.0.4) for the addresses of [server] metrics-allow; 404 for everyone else.");

        // The OpenAPI document of all of the above (built when asked for).
        ApiDescription.Map(app);
        // Route templates ignore a trailing slash, so "/admin" would match "/admin/" (and a redirect route
        // for "/admin" would catch "/admin/" too); Isso answers the slashless form with a 308 for any method.
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value is "/demo" or "/admin" or "/login")
            {
                context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
                context.Response.Headers.Location = $"{context.Request.PathBase}{context.Request.Path}/{context.Request.QueryString}";
                return Task.CompletedTask;
            }
            return next(context);
        });
    }

    // The admin JSON API: one filter checks the session, Origin and CSRF token of every endpoint (README).
    private static void MapAdminApi(WebApplication app)
    {
        // The filter is a singleton handed over by a lambda: the generic AddEndpointFilter<T> builds an activator
        // from expression trees, loading a large assembly at start-up for one constructor call.
        var api = app.MapGroup("/admin/api").AddEndpointFilter((invocation, next) =>
            invocation.HttpContext.RequestServices.GetRequiredService<AdminApiFilter>().InvokeAsync(invocation, next));
        api.MapPost("/login", AdminApi.SignIn).WithMetadata(new AdminApiFilter.SignInEndpoint());
        api.MapPost("/logout", AdminApi.SignOut);
        api.MapGet("/session", AdminApi.Session);
        api.MapGet("/comments", AdminApi.List);
        api.MapPost("/comments/activate", AdminActions.Activate);
        api.MapPost("/comments/delete", AdminActions.Delete);
        api.MapPut("/comments/{id:long}", AdminActions.Edit);
        api.MapGet("/events", AdminEvents.List);
        api.MapGet("/bans", AdminBans.List);
        api.MapPost("/bans", AdminBans.Add);
        api.MapDelete("/bans/{id:long}", AdminBans.Remove);
        api.MapGet("/webhooks", AdminWebhooks.List);
        api.MapPost("/webhooks/start", AdminWebhooks.Start);
        api.MapPost("/webhooks/resend", AdminWebhooks.Resend);
    }
}
