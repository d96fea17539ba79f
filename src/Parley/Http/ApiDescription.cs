using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.OpenApi;
using Parley.Http.Edge;
using Parley.Http.Isso;

namespace Parley.Http;

/// <summary>
/// The OpenAPI document of every route, <c>GET /openapi/v1.json</c>, made by ASP.NET Core's generator. Its services
/// live in a container of their own, built on the first request for the document: a server nobody asks for a
/// document never loads the generator (five assemblies, about 2.5 MB). Summaries come from the handlers' XML
/// comments; <see cref="Complete"/> adds what the generator leaves out of Parley's routes.
/// </summary>
internal sealed partial class ApiDescription : IDisposable
{
    public const string DocumentPath = "/openapi/{documentName}.json";

    // Every operation a path item can hold: what "any method" means in the document.
    private static readonly HttpMethod[] AnyMethod =
    [
        HttpMethod.Get, HttpMethod.Put, HttpMethod.Post, HttpMethod.Delete, HttpMethod.Options, HttpMethod.Head,
        HttpMethod.Patch, HttpMethod.Trace,
    ];

    private readonly Lazy<ServiceProvider> _generator;

    private ApiDescription(IServiceProvider app, IServiceCollection appServices) =>
        _generator = new Lazy<ServiceProvider>(() => Generator(app, appServices));

    /// <summary>Registers the description. It reads the app's registrations when first asked, so every service
    /// registered before or after this call is known.</summary>
    public static void Register(IServiceCollection services) =>
        services.AddSingleton(app => new ApiDescription(app, services));

    public void Dispose()
    {
        if (_generator.IsValueCreated)
        {
            _generator.Value.Dispose();
        }
    }

    public static void Map(WebApplication app) =>
        app.MapGet(DocumentPath, (string documentName, ApiDescription description, CancellationToken ct) =>
            description.DocumentAsync(documentName, ct)).ExcludeFromDescription();

    private async Task<IResult> DocumentAsync(string documentName, CancellationToken ct)
    {
        var provider = _generator.Value.GetKeyedService<IOpenApiDocumentProvider>(documentName) ?? throw IssoError.NotFound();
        var document = await provider.GetOpenApiDocumentAsync(ct);
        using var text = new StringWriter();
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        return Results.Text(text.ToString(), "application/json; charset=utf-8");
    }

    /// <summary>
    /// The generator's container: the app's registrations (so it tells the services a handler takes from its
    /// inputs, as the app does), with the app's own routes, server, environment and logging, plus the generator.
    /// </summary>
    private static ServiceProvider Generator(IServiceProvider app, IServiceCollection appServices)
    {
        IServiceCollection services = new ServiceCollection();
        foreach (var descriptor in appServices)
        {
            services.Add(descriptor);
        }
        services.AddSingleton(app.GetRequiredService<EndpointDataSource>());
        services.AddSingleton(app.GetRequiredService<IServer>());
        services.AddSingleton(app.GetRequiredService<IHostEnvironment>());
        services.AddSingleton(app.GetRequiredService<IWebHostEnvironment>());
        services.AddSingleton(app.GetRequiredService<ILoggerFactory>());
        services.AddSingleton(app.GetRequiredService<IConfiguration>());
        services.AddOpenApi(options => options.AddDocumentTransformer(Complete));
        return services.BuildServiceProvider();
    }

    /// <summary>The route's path as the document writes it: <c>/id/{id}</c> for <c>/id/{id:long:min(0)}</c>.</summary>
    public static string PathOf(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        })))) + (pattern.RawText is { Length: > 1 } raw && raw.EndsWith('/') ? "/" : "");

    private static Task Complete(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Parley",
            Version = ClientConfig.IssoVersion,
            Description = "Isso's comment API (the same requests and answers as Isso " + ClientConfig.IssoVersion
                + ") and Parley's admin API. README: API, Admin JSON API.",
        };
        document.Paths ??= [];
        var routes = context.ApplicationServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var route in routes.Where(r => r.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true }))
        {
            var path = PathOf(route.RoutePattern);
            // The generator writes "/login/" as "/login", a path that only answers with a redirect.
            if (path.Length > 1 && path.EndsWith('/') && document.Paths.Remove(path.TrimEnd('/'), out var moved))
            {
                document.Paths[path] = moved;
            }
            if (route.Metadata.GetMetadata<IHttpMethodMetadata>() is null && !document.Paths.ContainsKey(path))
            {
                document.Paths[path] = AnyMethodItem(route);
            }
        }
        foreach (var (path, item) in document.Paths)
        {
            foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                AddPathParameters(path, operation);
                operation.Summary = Summary(operation.Summary);
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiPathItem AnyMethodItem(RouteEndpoint route)
    {
        var summary = route.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary;
        return new OpenApiPathItem
        {
            Operations = AnyMethod.ToDictionary(method => method, _ => new OpenApiOperation
            {
                Summary = summary,
                Responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = "OK" } },
            }),
        };
    }

    // The signed-link route takes the comment id from its key, so the generator never hears of {id}.
    private static void AddPathParameters(string path, OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        foreach (var name in TemplateNames().Matches(path).Select(m => m.Groups[1].Value))
        {
            if (!operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == name))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Path,
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }
    }

    /// <summary>A handler's summary starts "GET /path — "; the document says the method and path already.</summary>
    private static string? Summary(string? summary)
    {
        if (summary is null)
        {
            return null;
        }
        var text = string.Join(' ', WebUtility.HtmlDecode(summary).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        var dash = text.IndexOf(" — ", StringComparison.Ordinal);
        return dash > 0 && RoutePrefix().IsMatch(text[..dash]) ? char.ToUpperInvariant(text[dash + 3]) + text[(dash + 4)..] : text;
    }

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex TemplateNames();

    // "GET /", "POST /new?uri=", "GET|POST /id/<id>/<action>/<key>".
    [GeneratedRegex(@"\A[A-Z|]+ /\S*\z")]
    private static partial Regex RoutePrefix();
}
