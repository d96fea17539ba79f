using Microsoft.AspNetCore.Http.Features;
using Parley.Core.Comments;
using Parley.Hosting.Metrics;

namespace Parley.Http.Edge;

/// <summary>
/// The one place errors become responses: rule violations and Isso errors get their 4xx shape, bare
/// 404/405/413 from routing or Kestrel get Isso's page, a full disk or a database out of reach is a 503 (see
/// <see cref="DiskFull"/>, <see cref="DatabaseDown"/>), and anything
/// else is a logged 500 without details.
/// </summary>
internal sealed class ErrorMapping(RequestDelegate next, DiskFull diskFull, DatabaseDown databaseDown, ParleyMetrics metrics, ILogger<ErrorMapping> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentLength is null
                && context.Request.Method != HttpMethods.Head)
            {
                await ErrorPage.WriteAsync(context, context.Response.StatusCode, ErrorPage.DefaultDescription(context.Response.StatusCode), false);
            }
        }
        catch (IssoError e) when (!context.Response.HasStarted)
        {
            await ErrorPage.WriteAsync(context, e.Status, e.Message, e.AlwaysHtml);
        }
        catch (RuleViolationException e) when (!context.Response.HasStarted)
        {
            var (status, html) = e.Kind switch
            {
                ViolationKind.InvalidField => (400, true),
                ViolationKind.BadRequest => (400, false),
                ViolationKind.Forbidden => (403, false),
                _ => (404, false),
            };
            await ErrorPage.WriteAsync(context, status, e.Message, html, e.Code);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await ErrorPage.WriteAsync(context, e.StatusCode, ErrorPage.DefaultDescription(e.StatusCode), false);
        }
        catch (Exception e) when (!context.Response.HasStarted && DiskFull.Is(e))
        {
            // Not cleared: the CORS headers stay, so the embedding page can read the message.
            diskFull.Refused(e);
            metrics.DatabaseError();
            context.Response.Headers.RetryAfter = DiskFull.RetryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ErrorPage.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, DiskFull.Message, false);
        }
        catch (Exception e) when (!context.Response.HasStarted && DatabaseDown.Is(e))
        {
            databaseDown.Refused(e);
            metrics.DatabaseError();
            context.Response.Headers.RetryAfter = DatabaseDown.RetryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ErrorPage.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, DatabaseDown.Message, false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            log.LogError(e, "Unhandled error on {Method} {Path} (request {RequestId})",
                context.Request.Method, context.Request.Path, context.Features.Get<IHttpRequestIdentifierFeature>()?.TraceIdentifier ?? context.TraceIdentifier);
            context.Response.Clear();
            await ErrorPage.WriteAsync(context, 500, ErrorPage.DefaultDescription(500), false);
        }
    }
}
