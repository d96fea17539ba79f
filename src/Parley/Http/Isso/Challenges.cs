using Parley.Core.Config;
using Parley.Core.Spam;
using Parley.Http.Edge;

namespace Parley.Http.Isso;

/// <summary>GET /challenge (Parley): a proof-of-work challenge in ALTCHA's v1 format, for a comment to come.</summary>
internal static class Challenges
{
    /// <summary>A fresh, signed, expiring challenge; 404 while <c>[spam] proof-of-work</c> is off.</summary>
    public static IResult Get(HttpContext context, LiveConfig config, ProofOfWork proofOfWork)
    {
        var spam = config.Current.Spam;
        if (!spam.ProofOfWork)
        {
            throw new IssoError(404, "proof of work is off ([spam] proof-of-work)");
        }
        var challenge = proofOfWork.Create(spam.ProofOfWorkCost);
        // Each one is good once: never from a cache.
        context.Response.Headers.CacheControl = "no-store";
        return JsonResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("algorithm", challenge.Algorithm);
            w.WriteString("challenge", challenge.Value);
            w.WriteNumber("maxnumber", challenge.MaxNumber);
            w.WriteString("salt", challenge.Salt);
            w.WriteString("signature", challenge.Signature);
            w.WriteEndObject();
        });
    }
}
