using System.Globalization;
using Parley.Core.Comments;
using Parley.Core.Storage;
using Parley.Http.Edge;
using Parley.Http.Isso;

namespace Parley.Http.Admin;

/// <summary>
/// The query of GET /admin/api/comments as an <see cref="AdminQuery"/>; anything malformed is a 400 naming
/// the parameter, never a 500 as in Isso's admin page.
/// </summary>
internal static class AdminListArgs
{
    public const int MaxPerPage = 200;

    public static AdminQuery Parse(HttpRequest request)
    {
        var orderBy = request.First("order_by") ?? "created";
        if (!AdminQuery.Orders.Contains(orderBy))
        {
            throw Bad($"order_by must be one of {string.Join(", ", AdminQuery.Orders)}");
        }
        return new AdminQuery(
            Mode: Mode(request.First("mode")),
            Page: Integer(request, "page", 0, 0, int.MaxValue / MaxPerPage),
            PerPage: Integer(request, "per_page", 50, 1, MaxPerPage),
            OrderBy: orderBy,
            Ascending: Integer(request, "asc", 0, 0, 1) == 1,
            Text: request.First("text"),
            // Author and e-mail are stored escaped, so the search is too.
            Author: Escaping.Html(request.First("author")),
            Email: Escaping.Html(request.First("email")),
            Thread: request.First("thread"));
    }

    private static int? Mode(string? value) => value switch
    {
        null or "" => CommentMode.Pending,
        "all" => null,
        "1" => CommentMode.Published,
        "2" => CommentMode.Pending,
        "4" => CommentMode.Deleted,
        _ => throw Bad("mode must be 1, 2, 4 or all"),
    };

    /// <summary>An optional integer parameter within [<paramref name="min"/>, <paramref name="max"/>]; else a 400 naming it.</summary>
    public static int Integer(HttpRequest request, string name, int fallback, int min, int max)
    {
        var text = request.First(name);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Bad($"{name} must be an integer from {min} to {max}");
    }

    private static IssoError Bad(string message) => new(400, message);
}
