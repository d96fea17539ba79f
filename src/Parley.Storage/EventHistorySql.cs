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
        // Only the filters asked for are written, each with its parameter.
        void Filter(string condition, string name, object? value)
        {
            if (value is not null)
            {
                conditions.Add(condition);
                parameters.Add(name, value);
            }
        }
        Filter("type = @type", "type", query.Type);
        Filter("uri = @uri", "uri", query.Uri);
        Filter("created >= @since", "since", query.Since);
        Filter("created < @until", "until", query.Until);
        Filter("seq < @before", "before", query.Before);
        var sql = $"SELECT {columns} FROM parley_events WHERE {string.Join(" AND ", conditions)} ORDER BY seq DESC LIMIT @limit";
        return new CommandDefinition(sql, parameters, cancellationToken: ct);
    }
}
