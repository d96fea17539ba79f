using Dapper;
using Parley.Core.Events;

namespace Parley.Storage;

/// <summary>The history query's conditions, parameterised, for both engines: only the filters asked for are written.</summary>
internal static class EventHistorySql
{
    /// <summary>
    /// <c>FROM parley_events WHERE … ORDER BY seq DESC LIMIT @limit</c> after <paramref name="columns"/>, with its parameters.
    /// </summary>
    public static CommandDefinition Command(string columns, EventQuery query, CancellationToken ct)
    {
        var conditions = new List<string> { "1 = 1" };
        var parameters = new DynamicParameters();
        parameters.Add("limit", (long)Math.Clamp(query.Limit, 1, EventQuery.MostPerPage));
        if (query.Type is { } type)
        {
            conditions.Add("type = @type");
            parameters.Add("type", type);
        }
        if (query.Uri is { } uri)
        {
            conditions.Add("uri = @uri");
            parameters.Add("uri", uri);
        }
        if (query.Since is { } since)
        {
            conditions.Add("created >= @since");
            parameters.Add("since", since);
        }
        if (query.Until is { } until)
        {
            conditions.Add("created < @until");
            parameters.Add("until", until);
        }
        if (query.Before is { } before)
        {
            conditions.Add("seq < @before");
            parameters.Add("before", before);
        }
        var sql = $"SELECT {columns} FROM parley_events WHERE {string.Join(" AND ", conditions)} ORDER BY seq DESC LIMIT @limit";
        return new CommandDefinition(sql, parameters, cancellationToken: ct);
    }
}
