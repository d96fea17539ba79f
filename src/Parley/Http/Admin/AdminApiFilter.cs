using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Http.Edge;

namespace Parley.Http.Admin;

/// <summary>
/// The policy of every /admin/api/ endpoint, in order: closed while the admin is disabled (404), a valid
/// session (401), the server's own Origin and the session's CSRF token on every unsafe method (403). Refusals
/// and rule violations all answer <c>{"message": …}</c>, and nothing here may be cached.
/// </summary>
internal sealed class AdminApiFilter(ParleyConfig config, AdminSession session, DiskFull diskFull) : IEndpointFilter
{
    /// <summary>Endpoint metadata for sign-in: no session or token to check yet.</summary>
    public sealed class SignInEndpoint;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        context.Response.Headers.CacheControl = "no-store";
        if (!config.Admin.Enabled)
        {
            return AdminJson.Message(404, "administration disabled");
        }
        var signingIn = context.GetEndpoint()?.Metadata.GetMetadata<SignInEndpoint>() is not null;
        if (!signingIn && !await session.IsSignedInAsync(context, context.RequestAborted))
        {
            return AdminJson.Message(401, "sign in first");
        }
        var method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            if (!AdminSession.OriginIsOwn(context))
            {
                return AdminJson.Message(403, "cross-origin request refused");
            }
            if (!signingIn && !session.HasValidCsrfToken(context))
            {
                return AdminJson.Message(403, "CSRF token missing or wrong");
            }
        }
        try
        {
            return await next(invocation);
        }
        catch (IssoError e)
        {
            return AdminJson.Message(e.Status, e.Message);
        }
        catch (Exception e) when (DiskFull.Is(e))
        {
            diskFull.Refused(e);
            return AdminJson.Message(503, DiskFull.Message);
        }
        catch (RuleViolationException e)
        {
            return AdminJson.Message(e.Kind switch
            {
                ViolationKind.Forbidden => 403,
                ViolationKind.NotFound => 404,
                _ => 400,
            }, e.Message);
        }
    }
}
