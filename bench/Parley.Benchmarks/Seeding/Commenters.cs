using Parley.Core.Security;

namespace Parley.Benchmarks.Seeding;

/// <summary>Who wrote a seeded comment: a name (or none), often an e-mail, sometimes a website, an anonymised address.</summary>
internal static class Commenters
{
    private static readonly string[] First =
        ["Anna", "Ben", "Chiara", "Dmitri", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kemi", "Lars", "Mei", "Nora", "Omar", "Priya"];

    private static readonly string[] Last =
        ["Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ito", "Kowalski", "Lind", "Moreau", "Novak", "Okafor", "Rossi"];

    public static (string? Author, string? Email, string? Website, string RemoteAddr) Next(Random random)
    {
        var first = First[random.Next(First.Length)];
        var last = Last[random.Next(Last.Length)];
        // About one comment in eight is anonymous, as on real sites.
        var anonymous = random.Next(8) == 0;
        var author = anonymous ? null : random.Next(3) == 0 ? first : $"{first} {last}";
        var email = anonymous || random.Next(3) == 0 ? null : $"{first}.{last}@example.org".ToLowerInvariant();
        var website = anonymous || random.Next(5) != 0 ? null : $"https://{last.ToLowerInvariant()}.example.net";
        var address = random.Next(6) == 0
            ? $"2001:db8:{random.Next(0x10000):x}:{random.Next(0x10000):x}::1"
            : $"{random.Next(1, 224)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}";
        return (author, email, website, AddressAnonymizer.Anonymize(address));
    }
}
