using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Parley.Core.Comments;

namespace Parley.Core.Spam;

/// <summary>
/// Proof of work in ALTCHA's v1 format (spec/antispam.md §1): the server hides a random number up to the cost behind
/// SHA-256(salt + number), signs the hash, and the browser finds the number. The salt carries the expiry; the
/// signature's key comes from the database's session key, so every instance accepts every challenge. Verifying
/// recomputes everything; single use is the database's job (the caller spends the challenge in the comment's
/// transaction).
/// </summary>
public sealed class ProofOfWork(string sessionKey, TimeProvider time)
{
    /// <summary>How long a challenge may be solved and used: a reader may take a while to write.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly byte[] _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(sessionKey), "parley proof of work"u8);

    /// <summary>A new challenge as ALTCHA's widget takes it.</summary>
    public Challenge Create(int cost)
    {
        var expires = time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        var salt = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}?expires={expires.ToString(CultureInfo.InvariantCulture)}&";
        var number = RandomNumberGenerator.GetInt32(0, cost + 1);
        var challenge = Hash(salt, number);
        return new Challenge("SHA-256", challenge, cost, salt, Sign(challenge));
    }

    /// <summary>
    /// Checks the solution a client sent (ALTCHA's base64 JSON payload) and answers its challenge and expiry, or throws
    /// a 403 <see cref="RuleViolationException"/> saying what is wrong with it.
    /// </summary>
    public (string Challenge, double Expires) Verify(string? payload)
    {
        if (string.IsNullOrEmpty(payload))
        {
            throw Refused("this site asks for proof of work with each comment: post with Parley's client (Isso's cannot do it)");
        }
        Solution solution;
        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
            solution = Solution.Of(json.RootElement);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw Refused("the proof of work is not an ALTCHA solution (base64 of JSON with algorithm, challenge, number, salt and signature)");
        }
        if (solution.Algorithm != "SHA-256")
        {
            throw Refused("the proof of work must use SHA-256");
        }
        if (!TryExpiry(solution.Salt, out var expires))
        {
            throw Refused("the proof of work's salt carries no expiry: it was not made here");
        }
        if (!Same(Sign(solution.Challenge), solution.Signature))
        {
            throw Refused("the proof of work's signature does not match: it was not made here");
        }
        if (time.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            throw Refused("the proof of work has expired: reload the page and post again");
        }
        if (solution.Number < 0 || !Same(Hash(solution.Salt, solution.Number), solution.Challenge))
        {
            throw Refused("the proof of work is not solved");
        }
        return (solution.Challenge, expires);
    }

    /// <summary>The 403 a reused challenge gets.</summary>
    public static RuleViolationException Reused() => Refused("this proof of work was used already: post again to get a new one");

    private string Sign(string challenge) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(challenge)));

    private static string Hash(string salt, long number) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + number.ToString(CultureInfo.InvariantCulture))));

    private static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    // "<hex>?expires=<seconds>&…": the expiry Parley put there.
    private static bool TryExpiry(string salt, out long expires)
    {
        expires = 0;
        var query = salt.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return false;
        }
        foreach (var pair in salt[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("expires=", StringComparison.Ordinal))
            {
                return long.TryParse(pair.AsSpan("expires=".Length), NumberStyles.None, CultureInfo.InvariantCulture, out expires);
            }
        }
        return false;
    }

    private static RuleViolationException Refused(string message) => new(ViolationKind.Forbidden, message, RefusalCodes.ProofOfWork);

    /// <summary>ALTCHA's challenge, as GET /challenge answers it.</summary>
    public sealed record Challenge(string Algorithm, string Value, int MaxNumber, string Salt, string Signature);

    private sealed record Solution(string Algorithm, string Challenge, long Number, string Salt, string Signature)
    {
        public static Solution Of(JsonElement e) =>
            new(Text(e, "algorithm"), Text(e, "challenge"), e.GetProperty("number").GetInt64(), Text(e, "salt"), Text(e, "signature"));

        private static string Text(JsonElement e, string name) =>
            e.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : throw new InvalidOperationException(name);
    }
}
