using System.Text;

namespace Parley.Benchmarks.Seeding;

/// <summary>
/// Comment bodies as readers write them: one to three short paragraphs, now and then some Markdown (emphasis, a
/// link, inline code, a quote or a code block), so a fetch pays for real rendering and sanitising.
/// </summary>
internal static class CommentTexts
{
    private static readonly string[] Sentences =
    [
        "Thanks for writing this up, it saved me an afternoon.",
        "I tried the same approach last year and ran into the exact problem you describe.",
        "Has anyone measured how this behaves with a few thousand entries?",
        "The second example did not work for me until I restarted the service.",
        "Great post, although I would have liked a word on backups.",
        "This is the clearest explanation of the topic I have found so far.",
        "We moved our blog over last month and nobody noticed, which is the best outcome.",
        "Small nitpick: the command in step three needs to run as root.",
        "I disagree with the conclusion, but the reasoning is sound.",
        "Could you share the configuration you used for the test?",
        "It might be worth mentioning that the defaults changed in the latest release.",
        "Bookmarked, and sent to the rest of the team.",
        "My experience was different: the slow part was the network, not the disk.",
        "Would this still work behind a reverse proxy with caching turned on?",
        "I ended up writing a tiny script to do this every night.",
        "The diagram in the middle of the article is really helpful.",
        "Good point about keeping the database next to the application.",
        "After reading this I finally understand why my setup kept timing out.",
        "One thing I would add is to check the logs before changing anything.",
        "Looking forward to the follow-up post.",
        "This reminds me of a discussion we had on the mailing list years ago.",
        "Simple and effective, exactly what a personal site needs.",
    ];

    private static readonly string[] Decorated =
    [
        "The trick is to *measure first* and only then optimise.",
        "I **strongly** recommend reading the release notes before upgrading.",
        "There is a good summary in [the documentation](https://example.org/docs/setup) for anyone who is curious.",
        "Running `systemctl restart comments` fixed it for me.",
        "Set `max-age = 15m` if you want readers to be able to edit for a while.",
        "See [my notes](https://blog.example.net/2023/notes-on-hosting) for a longer write-up.",
        "The *only* thing that changed was the `listen` address.",
        "You can also use `sqlite3 comments.db .dump` to look inside, which is ~~scary~~ handy.",
    ];

    private static readonly string[] CodeBlocks =
    [
        "```\n[general]\ndbpath = /var/lib/comments/comments.db\nhost = https://example.org\n```",
        "    location /comments/ {\n        proxy_pass http://127.0.0.1:8080/;\n    }",
        "```sh\ncurl -s https://example.org/comments/info | jq .\n```",
    ];

    public static string Next(Random random)
    {
        var text = new StringBuilder();
        var paragraphs = 1 + random.Next(3);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p > 0)
            {
                text.Append("\n\n");
            }
            if (p > 0 && random.Next(12) == 0)
            {
                text.Append(CodeBlocks[random.Next(CodeBlocks.Length)]);
                continue;
            }
            if (p == 0 && random.Next(10) == 0)
            {
                text.Append("> ").Append(Pick(random)).Append("\n\n");
            }
            var sentences = 1 + random.Next(4);
            for (var s = 0; s < sentences; s++)
            {
                text.Append(s > 0 ? " " : "").Append(random.Next(4) == 0 ? Decorated[random.Next(Decorated.Length)] : Pick(random));
            }
        }
        return text.ToString();
    }

    private static string Pick(Random random) => Sentences[random.Next(Sentences.Length)];
}
