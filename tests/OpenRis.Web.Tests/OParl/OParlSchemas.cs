using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.References;
using NJsonSchema.Validation;

namespace OpenRis.Web.Tests.OParl;

/// <summary>
/// The vendored OParl 1.1 draft-07 schemas (Schemas/, CC BY-SA 4.0), loaded once. Their
/// <c>$ref: "File.json"</c> (and the stray <c>$ref: "Organization"</c> of Body.mainOrganization)
/// are resolved from that folder, never from the network. Besides validating, the set answers the
/// questions the rule checks need: which properties a type has, their formats, which embed objects.
/// </summary>
public sealed class OParlSchemas
{
    public const string Namespace = "https://schema.oparl.org/1.1/";

    public static readonly string[] TypeNames =
        ["System", "Body", "LegislativeTerm", "Organization", "Person", "Membership", "Meeting", "AgendaItem", "Paper", "Consultation", "File", "Location"];

    private static readonly Lazy<Task<OParlSchemas>> Shared = new(LoadAsync);

    private readonly Dictionary<string, JsonSchema> _schemas;

    private OParlSchemas(Dictionary<string, JsonSchema> schemas) => _schemas = schemas;

    public static Task<OParlSchemas> GetAsync() => Shared.Value;

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "OParl", "Schemas");

    /// <summary>"Paper" for "https://schema.oparl.org/1.1/Paper"; null for anything else.</summary>
    public static string? TypeName(string? typeUri) =>
        typeUri is not null && typeUri.StartsWith(Namespace, StringComparison.Ordinal) && TypeNames.Contains(typeUri[Namespace.Length..])
            ? typeUri[Namespace.Length..]
            : null;

    public JsonSchema this[string type] => _schemas[type];

    public bool HasProperty(string type, string property) => _schemas[type].ActualProperties.ContainsKey(property);

    /// <summary>The declared format of a property (or of its array items): "date-time", "date", "url" or null.</summary>
    public string? Format(string type, string property)
    {
        if (!_schemas[type].ActualProperties.TryGetValue(property, out var schema))
        {
            return null;
        }
        if (schema.Type.HasFlag(JsonObjectType.Array))
        {
            return schema.Item?.ActualSchema.Format;
        }
        return schema.Type.HasFlag(JsonObjectType.String) ? schema.Format : null;
    }

    /// <summary>The object type a property embeds (directly or as array items), or null for links, lists and values.</summary>
    public string? EmbeddedType(string type, string property)
    {
        if (!_schemas[type].ActualProperties.TryGetValue(property, out var schema))
        {
            return null;
        }
        if (schema.Type.HasFlag(JsonObjectType.Array))
        {
            return schema.Item is { } item && item.HasReference ? item.ActualSchema.Title : null;
        }
        // Body.organization etc. are strings (list URLs) that carry "items" for documentation only.
        return schema.Type == JsonObjectType.None && schema.HasReference ? schema.ActualSchema.Title : null;
    }

    /// <summary>Schema errors of one object as readable lines ("PropertyRequired #/agendaItem[0].order").</summary>
    public List<string> Validate(string type, JsonNode node)
    {
        var errors = _schemas[type].Validate(node.ToJsonString());
        var lines = new List<string>();
        Flatten(errors, lines);
        return lines;
    }

    private static void Flatten(IEnumerable<ValidationError> errors, List<string> lines)
    {
        foreach (var error in errors)
        {
            switch (error)
            {
                case ChildSchemaValidationError child:
                    foreach (var nested in child.Errors.Values)
                    {
                        Flatten(nested, lines);
                    }
                    break;
                case MultiTypeValidationError multi:
                    foreach (var nested in multi.Errors.Values)
                    {
                        Flatten(nested, lines);
                    }
                    break;
                default:
                    lines.Add($"{error.Kind} {error.Path}");
                    break;
            }
        }
    }

    private static async Task<OParlSchemas> LoadAsync()
    {
        var loaded = new Dictionary<string, JsonSchema>();
        foreach (var type in TypeNames)
        {
            loaded[type] = await LoadFileAsync(type);
        }
        return new OParlSchemas(loaded);
    }

    private static Task<JsonSchema> LoadFileAsync(string type) =>
        JsonSchema.FromFileAsync(Path.Combine(Folder, type + ".json"), schema => new LocalResolver(schema));

    /// <summary>Resolves every reference by its last path segment to a file of the vendored folder.</summary>
    private sealed class LocalResolver(JsonSchema root) : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        public override async Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
            await Local(filePath);

        public override async Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            await Local(new Uri(url).AbsolutePath);

        private static Task<JsonSchema> Local(string path)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!TypeNames.Contains(name))
            {
                throw new InvalidOperationException($"Schema reference {path} is not one of the vendored OParl schemas.");
            }
            return LoadFileAsync(name);
        }
    }
}
