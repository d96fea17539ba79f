using Parley.Http.Admin;
using Parley.Http.Isso;

namespace Parley.Http;

/// <summary>The whole route table, grouped by access. Handler names follow Isso's views.</summary>
internal static class Routes
{
    public static void Map(WebApplication app)
    {
        // Isso public API (spec/api.md §1.2).
        app.MapRead("/", Threads.Fetch);
        app.MapPost("/new", Comments.New);
        app.MapPost("/count", Threads.Counts);
        app.MapRead("/feed", Feed.Thread);
        app.MapRead("/latest", Threads.Latest);
        app.MapPost("/preview", Comments.Preview);
        app.MapRead("/config", ClientConfig.Config);
        app.Map("/info", ClientConfig.Info);

        // Comment owner: the ownership cookie is checked in each handler (signature, window, text hash).
        app.MapRead("/id/{id:long:min(0)}", Comments.View);
        app.MapPut("/id/{id:long:min(0)}", Comments.Edit);
        app.MapDelete("/id/{id:long:min(0)}", Comments.Delete);
        app.MapPost("/id/{id:long:min(0)}/like", Votes.Like);
        app.MapPost("/id/{id:long:min(0)}/dislike", Votes.Dislike);

        // Signed links from e-mails and the admin page.
        app.MapRead("/id/{id:long:min(0)}/unsubscribe/{email}/{key}", Isso.Moderation.Unsubscribe);
        app.MapMethods("/id/{id:long:min(0)}/{action}/{key}", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post], Isso.Moderation.Moderate);

        // Admin (behind the password) and the demo page.
        app.MapPost("/login/", AdminPages.Login);
        app.MapRead("/admin/", AdminPages.Admin);
        app.MapRead("/demo/", DemoPage.Show);
        foreach (var slashed in (string[])["/demo", "/admin", "/login"])
        {
            app.Map(slashed, (HttpContext c) => Results.Redirect($"{c.Request.PathBase}{slashed}/{c.Request.QueryString}", permanent: true, preserveMethod: true));
        }
    }

    // HEAD is answered wherever GET is; Kestrel drops the body.
    private static void MapRead(this WebApplication app, string pattern, Delegate handler) =>
        app.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler);
}
