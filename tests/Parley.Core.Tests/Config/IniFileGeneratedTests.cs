using System.Text;
using Parley.Core.Config;

namespace Parley.Core.Tests.Config;

/// <summary>Seeded random INI documents built from the ingredients real isso.cfg files contain.</summary>
public class IniFileGeneratedTests
{
    private const int Documents = 600;

    private static readonly string[] SectionNames = ["general", "server", "smtp", "guard", "markup.mistune", "my-plugin", "General", "x y"];
    private static readonly string[] KeyNames = ["host", "max-age", "dbpath", "notify", "trusted-proxies", "password", "unknown-key", "from"];
    private static readonly string[] Separators = [" = ", "=", ": ", " : ", "  =   ", ":", " =\t"];
    private static readonly string[] Values =
        ["", "15m", "http://localhost:8080", "a ; not a comment", "x # nor this", "%s%%foo", "$HOME/db", "${VAR}", "k=v:w", "[brackets]", "Isso <a@b.c>"];
    private static readonly string[] Indents = ["  ", "    ", "\t", "        "];
    private static readonly string[] Comments = ["# comment", "; comment", "  # indented", "\t; tabbed", "#", ";;"];

    /// <summary>What the generator wrote for one key: where its lines are and what configparser reads.</summary>
    private sealed record Entry(string Section, string Key, int FirstLine, int LastLine, string Value);

    private sealed record Document(string Text, List<Entry> Entries);

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 0; seed < Documents; seed++)
        {
            seeds.Add(seed);
        }
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void GeneratedDocumentRoundTripsAndReadsAsWritten(int seed)
    {
        var document = Generate(new Random(seed));

        var file = IniFile.Parse(document.Text);

        Assert.Equal(document.Text, file.ToString());
        Assert.Empty(file.Problems);
        foreach (var entry in document.Entries)
        {
            Assert.Equal(entry.Value, file.Get(entry.Section, entry.Key));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SetChangesOnlyThatKeysLines(int seed)
    {
        var random = new Random(seed);
        var document = Generate(random);
        if (document.Entries.Count == 0)
        {
            return;
        }
        var target = document.Entries[random.Next(document.Entries.Count)];
        var value = RandomValue(random, out var expected);
        var file = IniFile.Parse(document.Text);

        file.Set(target.Section, target.Key.ToUpperInvariant(), value);

        var before = document.Text.Split('\n');
        var after = file.ToString().Split('\n');
        var kept = before.Length - (target.LastLine + 1);
        Assert.Equal(before[..target.FirstLine], after[..target.FirstLine]);
        Assert.Equal(before[^kept..], after[^kept..]);
        Assert.Empty(file.Problems);
        Assert.Equal(expected, file.Get(target.Section, target.Key));
        foreach (var other in document.Entries.Where(e => e != target))
        {
            Assert.Equal(other.Value, file.Get(other.Section, other.Key));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SetOfANewKeyKeepsEveryOtherValue(int seed)
    {
        var random = new Random(seed);
        var document = Generate(random);
        var section = SectionNames[random.Next(SectionNames.Length)];
        var value = RandomValue(random, out var expected);
        var file = IniFile.Parse(document.Text);

        file.Set(section, "brand-new", value);

        Assert.Empty(file.Problems);
        Assert.Equal(expected, file.Get(section, "brand-new"));
        foreach (var entry in document.Entries)
        {
            Assert.Equal(entry.Value, file.Get(entry.Section, entry.Key));
        }
        Assert.Equal(file.ToString(), IniFile.Parse(file.ToString()).ToString());
    }

    private static Document Generate(Random random)
    {
        var eol = random.Next(3) switch { 0 => "\n", 1 => "\r\n", _ => "" };
        var lines = new List<string>();
        var entries = new List<Entry>();
        void Line(string text) => lines.Add(text);

        for (var i = random.Next(3); i > 0; i--)
        {
            Line(random.Next(2) == 0 ? Comments[random.Next(Comments.Length)] : "");
        }
        foreach (var section in SectionNames.OrderBy(_ => random.Next()).Take(random.Next(1, 5)))
        {
            Line($"[{section}]" + (random.Next(4) == 0 ? "  " : ""));
            foreach (var key in KeyNames.OrderBy(_ => random.Next()).Take(random.Next(0, 5)))
            {
                var first = lines.Count;
                var value = Values[random.Next(Values.Length)];
                var spelling = random.Next(3) == 0 ? key.ToUpperInvariant() : key;
                Line(spelling + Separators[random.Next(Separators.Length)] + value + (random.Next(5) == 0 ? " \t" : ""));
                var pieces = new List<string> { value };
                var last = first;
                if (random.Next(3) == 0)
                {
                    var indent = Indents[random.Next(Indents.Length)];
                    for (var c = random.Next(1, 4); c > 0; c--)
                    {
                        switch (random.Next(5))
                        {
                            case 0:
                                Line(random.Next(2) == 0 ? "" : "   ");
                                pieces.Add("");
                                break;
                            case 1:
                                Line(indent + Comments[random.Next(Comments.Length)].Trim());
                                break;
                        }
                        var piece = Values[random.Next(1, Values.Length)];
                        Line(indent + piece);
                        pieces.Add(piece);
                        last = lines.Count - 1;
                    }
                }
                entries.Add(new Entry(section, key, first, last, string.Join('\n', pieces).TrimEnd()));
                for (var i = random.Next(3); i > 0 && random.Next(2) == 0; i--)
                {
                    Line(random.Next(2) == 0 ? Comments[random.Next(Comments.Length)] : "");
                }
            }
            if (random.Next(2) == 0)
            {
                Line("");
            }
        }

        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var lineEnd = eol.Length > 0 ? eol : (random.Next(2) == 0 ? "\n" : "\r\n");
            var last = i == lines.Count - 1;
            text.Append(lines[i]).Append(last && random.Next(3) == 0 ? "" : lineEnd);
        }
        return new Document(text.ToString(), entries);
    }

    private static string RandomValue(Random random, out string expected)
    {
        var count = random.Next(1, 4);
        var pieces = Enumerable.Range(0, count).Select(i => i == 0 && random.Next(3) == 0 ? "" : Values[random.Next(1, Values.Length)]).ToList();
        expected = string.Join('\n', pieces).TrimEnd();
        return string.Join(random.Next(2) == 0 ? "\n" : "\r\n", pieces);
    }
}
