using System.Runtime.CompilerServices;
using Parley.Core.Comments;
using Parley.Core.Config;

namespace Parley.Http.Isso;

/// <summary>
/// The JSON object of each comment as a thread fetch shows it, and the client settings object, kept per configuration.
/// A comment's JSON is kept with its <see cref="Comment"/> instance: the store hands out the same instance while the
/// row is unchanged, so rebuilding a busy thread after one new comment writes one comment, not five hundred.
/// </summary>
internal sealed class CommentFragments
{
    private Table _table = new(new ParleyConfig());

    /// <summary><paramref name="c"/> as <see cref="IssoJson.WriteComment"/> writes it with the author hash.</summary>
    public byte[] Comment(ParleyConfig config, IssoJson json, Comment c, bool rendered)
    {
        var kept = TableFor(config).Comments(rendered);
        if (kept.TryGetValue(c, out var bytes))
        {
            return bytes;
        }
        bytes = JsonResponse.Bytes(w => json.WriteComment(w, c, rendered, withHash: true));
        kept.AddOrUpdate(c, bytes);
        return bytes;
    }

    /// <summary>The object <see cref="IssoJson.WriteClientConfig"/> writes.</summary>
    public byte[] ClientConfig(ParleyConfig config, IssoJson json)
    {
        var table = TableFor(config);
        return table.ClientConfig ??= JsonResponse.Bytes(json.WriteClientConfig);
    }

    // A request still carrying the previous configuration during a reload may swap the table back once: each table
    // only ever holds what its own configuration made, so that costs rebuilds, never a wrong answer.
    private Table TableFor(ParleyConfig config)
    {
        var table = Volatile.Read(ref _table);
        if (!ReferenceEquals(table.Config, config))
        {
            table = new Table(config);
            Volatile.Write(ref _table, table);
        }
        return table;
    }

    private sealed class Table(ParleyConfig config)
    {
        public readonly ParleyConfig Config = config;
        public byte[]? ClientConfig;
        private readonly ConditionalWeakTable<Comment, byte[]> _rendered = new();
        private readonly ConditionalWeakTable<Comment, byte[]> _plain = new();

        public ConditionalWeakTable<Comment, byte[]> Comments(bool rendered) => rendered ? _rendered : _plain;
    }
}
