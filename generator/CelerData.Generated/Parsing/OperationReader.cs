using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Parsing;

/// <summary>Reads the paths of a spec into operations: parameters, body, response and security.</summary>
internal sealed class OperationReader
{
    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly ParseContext _context;
    private readonly SchemaReader _schemas;
    private readonly BodyReader _bodies;
    private readonly MappingNode _root;
    // The implementation class has a Client property, and every object has these members.
    private readonly NameScope _methodNames = new(new[] { "Client", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize" });
    private readonly Dictionary<string, string> _operationIds = new(System.StringComparer.Ordinal);
    private readonly List<OperationModel> _operations = new();
    private readonly Dictionary<string, EnvelopeDeclaration> _envelopes = new(System.StringComparer.Ordinal);
    private readonly EnvelopeDeclaration? _documentEnvelope;
    private readonly Dictionary<string, ApiKeySchemeModel> _apiKeySchemes = new(System.StringComparer.Ordinal);

    private readonly OperationFilter? _filter;

    public OperationReader(ParseContext context, SchemaReader schemas, MappingNode root, OperationFilter? filter)
    {
        _context = context;
        _schemas = schemas;
        _bodies = new BodyReader(context, schemas);
        _root = root;
        _filter = filter;
        _documentEnvelope = EnvelopeReader.Read(context, root, "the document", out _);
    }

    /// <summary>How many operations the filter left out, unread.</summary>
    public int FilteredOut { get; private set; }

    public IReadOnlyList<OperationModel> Operations => _operations;

    /// <summary>The <c>apiKey</c> schemes the operations' security requirements name, in the order they were first named.</summary>
    public IReadOnlyList<ApiKeySchemeModel> ApiKeySchemes
    {
        get
        {
            var named = new HashSet<string>(_operations.SelectMany(o => o.Security.ApiKeySchemeNames()), System.StringComparer.Ordinal);
            return _apiKeySchemes.Values.Where(scheme => named.Contains(scheme.Name)).ToList();
        }
    }

    /// <summary>The envelope declaration in force for each operation that has one, by method name.</summary>
    public IReadOnlyDictionary<string, EnvelopeDeclaration> Envelopes => _envelopes;

    public void ReadPaths(MappingNode? paths)
    {
        if (paths is null)
        {
            return;
        }

        foreach (var pathEntry in paths.Entries)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            var path = pathEntry.Key.Value;
            if (!path.StartsWith("/", System.StringComparison.Ordinal))
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, pathEntry.Key, "paths", path, "a path that starts with '/'");
                continue;
            }

            if (pathEntry.Value is not MappingNode pathItem)
            {
                _context.Report(DiagnosticDescriptors.WrongType, pathEntry.Value, "paths." + path, "a path item mapping");
                continue;
            }

            if (pathItem.Get("$ref") is { } pathReference)
            {
                _context.Report(DiagnosticDescriptors.PathItemReference, pathReference, path);
                continue;
            }

            var sharedParameters = _context.GetSequence(pathItem, "parameters", "paths." + path);
            foreach (var entry in pathItem.Entries)
            {
                var method = entry.Key.Value;
                if (System.Array.IndexOf(HttpMethods, method) < 0)
                {
                    continue;
                }

                if (entry.Value is not MappingNode operation)
                {
                    _context.Report(DiagnosticDescriptors.WrongType, entry.Value, "paths." + path + "." + method, "an operation mapping");
                    continue;
                }

                ReadOperation(path, method, entry.Key, operation, sharedParameters);
            }
        }
    }

    private void ReadOperation(string path, string method, ScalarNode methodNode, MappingNode operation, SequenceNode? sharedParameters)
    {
        // An error found while reading this operation leaves it out; the rest of the spec is still generated.
        var errorsBefore = _context.ErrorsFound;
        var where = method.ToUpperInvariant() + " " + path;
        var operationId = _context.GetString(operation, "operationId", where);
        if (operationId is not null)
        {
            if (_operationIds.TryGetValue(operationId, out var firstUse))
            {
                _context.Report(DiagnosticDescriptors.DuplicateOperationId, operation.Get("operationId")!, operationId, firstUse);
                return;
            }

            _operationIds.Add(operationId, where);
        }

        if (_filter is not null && !_filter.Keeps(Tags(operation), operationId))
        {
            FilteredOut++;
            return;
        }

        var hasDeclaredOperationId = operationId is not null;
        operationId ??= method + " " + path;
        var baseName = _context.GetCSharpName(operation, where) ?? Identifiers.ToPascalCase(operationId, "Operation") + "Async";
        var typeHint = baseName.EndsWith("Async", System.StringComparison.Ordinal) ? baseName.Substring(0, baseName.Length - 5) : baseName;

        foreach (var keyword in new[] { "callbacks" })
        {
            if (operation.Get(keyword) is not null)
            {
                _context.Report(DiagnosticDescriptors.CallbacksNotGenerated, ParseContext.KeyOrSelf(operation, keyword), where);
            }
        }

        var parameters = ReadParameters(operation, sharedParameters, where, typeHint, out var constants, out var skip);
        if (skip)
        {
            return;
        }

        var template = MoveTemplatedQuery(path, parameters);
        if (!CheckPathTemplate(template, parameters, methodNode, where))
        {
            return;
        }

        var body = _bodies.Read(operation, where, typeHint, parameters.Select(p => p.Name), out skip);
        if (skip)
        {
            return;
        }

        var (responseKind, responseType, accept) = ReadResponse(operation, where, typeHint);
        var security = ReadSecurity(operation, where);

        if (_context.ErrorsFound > errorsBefore)
        {
            return;
        }

        var ordered = Order(parameters, body?.Parameters);
        var methodName = _methodNames.Claim(baseName);
        var ownEnvelope = EnvelopeReader.Read(_context, operation, where, out var envelopeDisabled);
        var envelope = envelopeDisabled ? null : operation.Get(EnvelopeReader.Key) is null ? _documentEnvelope : ownEnvelope;
        if (envelope is not null)
        {
            _envelopes[methodName] = envelope;
        }

        var model = new OperationModel(
            methodName,
            operationId,
            method.ToUpperInvariant(),
            path,
            Clean(_context.GetString(operation, "summary", where)),
            Clean(_context.GetString(operation, "description", where)),
            _context.GetBoolean(operation, "deprecated", where),
            security,
            ordered.ToEquatableArray(),
            constants.ToEquatableArray(),
            PathTemplatePlanner.Plan(template, constants),
            responseKind,
            responseType,
            ReadRateLimit(operation),
            Envelope: null)
        {
            HasDeclaredOperationId = hasDeclaredOperationId,
            Body = body?.Body,
            Accept = accept,
        };
        _operations.Add(model);
    }

    private static List<string> Tags(MappingNode operation)
        => operation.Get("tags") is SequenceNode tags ? tags.Items.OfType<ScalarNode>().Select(t => t.Value).ToList() : new List<string>();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    private static List<ParameterModel> Order(List<ParameterModel> parameters, IReadOnlyList<ParameterModel>? body)
    {
        var all = new List<ParameterModel>(parameters);
        if (body is not null)
        {
            all.AddRange(body);
        }

        // C# wants optional parameters last; keep document order inside each group.
        return all.Where(p => p.IsRequired).Concat(all.Where(p => !p.IsRequired)).ToList();
    }

    private List<ParameterModel> ReadParameters(MappingNode operation, SequenceNode? shared, string where, string typeHint, out List<ConstantQueryModel> constants, out bool skip)
    {
        skip = false;
        constants = new List<ConstantQueryModel>();
        var declared = new List<KeyValuePair<string, MappingNode>>();
        foreach (var list in new[] { shared, _context.GetSequence(operation, "parameters", where) })
        {
            if (list is null)
            {
                continue;
            }

            foreach (var item in list.Items)
            {
                var parameter = ResolveParameter(item, where);
                if (parameter is null)
                {
                    continue;
                }

                var name = _context.GetString(parameter, "name", where + " parameter", required: true);
                var location = _context.GetString(parameter, "in", where + " parameter", required: true);
                if (name is null || location is null)
                {
                    continue;
                }

                var key = location + ":" + name;
                var existing = declared.FindIndex(d => d.Key == key);
                if (existing >= 0)
                {
                    declared[existing] = new KeyValuePair<string, MappingNode>(key, parameter);
                }
                else
                {
                    declared.Add(new KeyValuePair<string, MappingNode>(key, parameter));
                }
            }
        }

        var scope = new NameScope(new[] { "cancellationToken" });
        var result = new List<ParameterModel>();
        foreach (var entry in declared)
        {
            var parameter = entry.Value;
            var location = entry.Key.Substring(0, entry.Key.IndexOf(':'));
            var name = entry.Key.Substring(location.Length + 1);
            var required = _context.GetBoolean(parameter, "required", where + " parameter " + name);
            ParameterLocation parameterLocation;
            switch (location)
            {
                case "path":
                    parameterLocation = ParameterLocation.Path;
                    required = true;
                    break;
                case "query":
                    parameterLocation = ParameterLocation.Query;
                    break;
                case "header":
                    parameterLocation = ParameterLocation.Header;
                    if (name.Equals("Accept", System.StringComparison.OrdinalIgnoreCase)
                        || name.Equals("Content-Type", System.StringComparison.OrdinalIgnoreCase)
                        || name.Equals("Authorization", System.StringComparison.OrdinalIgnoreCase))
                    {
                        // OpenAPI says these header parameters are ignored: content negotiation and security set them.
                        continue;
                    }

                    break;
                case "cookie":
                    parameterLocation = ParameterLocation.Cookie;
                    break;
                default:
                    _context.Report(DiagnosticDescriptors.InvalidValue, parameter.Get("in")!, "in", location, "path, query, header or cookie");
                    continue;
            }

            // A parameter described by 'content' (one media type) rather than 'schema': the value in that media type.
            var schemaNode = parameter.Get("schema");
            var content = schemaNode is null ? ContentSchema(parameter) : null;
            schemaNode ??= content?.Schema;
            if (schemaNode is null)
            {
                var description = parameter.Get("content") is not null ? "'content' that gives no schema" : "nothing";
                _context.Report(DiagnosticDescriptors.ParameterWithoutSchema, parameter, name, where, description, SkipConsequence(required));
                if (required)
                {
                    skip = true;
                    return result;
                }

                continue;
            }

            if (content is null && required && parameterLocation == ParameterLocation.Query && SingleValue(schemaNode) is { } constant)
            {
                constants.Add(new ConstantQueryModel(name, constant));
                continue;
            }

            var explicitName = _context.GetCSharpName(parameter, where + " parameter " + name);
            var type = _schemas.Resolve(schemaNode, typeHint + Identifiers.ToPascalCase(name, "Parameter"));

            // In a JSON media type an object, an array or any JSON goes as its JSON text; a scalar goes as itself, as it
            // would with a schema (a string is not quoted: the descriptions that do this mean the plain value). Other
            // media types say nothing a client can write beyond a scalar's text.
            var asJsonText = content is not null && !BodyReader.IsScalar(type);
            if (asJsonText && !BodyReader.IsJson(content!.Value.MediaType))
            {
                _context.Report(DiagnosticDescriptors.ParameterWithoutSchema, parameter, name, where, "'content' of " + content.Value.MediaType, SkipConsequence(required));
                if (required)
                {
                    skip = true;
                    return result;
                }

                continue;
            }

            if (!asJsonText && !IsSerializable(type))
            {
                _context.Report(DiagnosticDescriptors.ObjectParameterSkipped, schemaNode, location, name, where, SkipConsequence(required));
                if (required)
                {
                    skip = true;
                    return result;
                }

                continue;
            }

            var style = ReadStyle(parameter, name, parameterLocation, location, type, where);
            var explode = parameter.Get("explode") is ScalarNode explodeNode && explodeNode.AsBoolean() is { } exploded ? exploded : style == ParameterStyle.Form;
            result.Add(new ParameterModel(
                scope.Claim(explicitName ?? Identifiers.ToCamelCase(name, "value")),
                name,
                parameterLocation,
                required ? type : type.WithNullable(true),
                required,
                _context.GetDescription(parameter, name),
                style,
                explode,
                parameterLocation == ParameterLocation.Query && _context.GetBoolean(parameter, "allowReserved", where + " parameter " + name))
            {
                AsJsonText = asJsonText,
            });
        }

        return result;
    }

    /// <summary>
    /// The parameter's serialization style: the declared one where OpenAPI defines it for the location and type,
    /// otherwise (reported, with the location as <paramref name="declared"/>) the location's default: form for query and
    /// cookie, simple for path and header.
    /// </summary>
    private ParameterStyle ReadStyle(MappingNode parameter, string name, ParameterLocation location, string declared, TypeRef type, string where)
    {
        var fallback = location is ParameterLocation.Query or ParameterLocation.Cookie ? ParameterStyle.Form : ParameterStyle.Simple;
        var text = _context.GetString(parameter, "style", where + " parameter " + name);
        var style = ParameterStyles.Parse(text);
        if (text is null || style == fallback)
        {
            return fallback;
        }

        var applies = location switch
        {
            ParameterLocation.Query => style switch
            {
                // Any JSON may hold an array or an object, written in the style then.
                ParameterStyle.SpaceDelimited or ParameterStyle.PipeDelimited => type.Kind is TypeRefKind.List or TypeRefKind.Model or TypeRefKind.Dictionary || PrimitiveTypes.IsAny(type),
                ParameterStyle.DeepObject => type.Kind is TypeRefKind.Model or TypeRefKind.Dictionary || PrimitiveTypes.IsAny(type),
                _ => false,
            },
            ParameterLocation.Path => style is ParameterStyle.Label or ParameterStyle.Matrix,
            _ => false,
        };
        if (!applies)
        {
            _context.Report(DiagnosticDescriptors.ParameterStyleNotSupported, parameter.Get("style")!, text, declared, name, where, fallback.WireName());
            return fallback;
        }

        return style!.Value;
    }

    /// <summary>The operation's <c>x-rate-limit-per-minute</c>: a positive whole number, or null (a bad value is reported).</summary>
    private int? ReadRateLimit(MappingNode operation)
    {
        var node = operation.Get("x-rate-limit-per-minute");
        if (node is null)
        {
            return null;
        }

        if (node is ScalarNode scalar && int.TryParse(scalar.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit > 0)
        {
            return limit;
        }

        _context.Report(DiagnosticDescriptors.InvalidValue, node, "x-rate-limit-per-minute", (node as ScalarNode)?.Value ?? "(not a number)", "a positive whole number");
        return null;
    }

    private static string SkipConsequence(bool required) => required ? "the operation is not generated" : "the parameter is not sent";

    /// <summary>The media type and schema of a parameter's <c>content</c> (its first entry: OpenAPI allows one), or null.</summary>
    private static (string MediaType, SpecNode? Schema)? ContentSchema(MappingNode parameter)
        => parameter.Get("content") is MappingNode content && content.Entries.Count > 0
            ? (content.Entries[0].Key.Value, (content.Entries[0].Value as MappingNode)?.Get("schema"))
            : null;

    /// <summary>
    /// Whether a value of this type has a serialization in every parameter style: scalars, enums, lists of them,
    /// objects (written through their JSON metadata as name-value pairs) and maps of scalars or of any JSON
    /// (free-form objects: their entries as key-value pairs).
    /// </summary>
    private static bool IsSerializable(TypeRef type)
    {
        if (type.Kind == TypeRefKind.List)
        {
            // Items of any JSON (an array schema with `items: {}`) are sent as their text: a string as itself, anything else as JSON.
            return type.Element is { } element && (BodyReader.IsScalar(element) || PrimitiveTypes.IsAny(element));
        }

        if (type.Kind == TypeRefKind.Dictionary)
        {
            return type.Element is { } value && (BodyReader.IsScalar(value) || PrimitiveTypes.IsAny(value));
        }

        // Any JSON (a parameter schema with no type) is written as the JSON value it holds, as a union is.
        return type.Kind == TypeRefKind.Model || BodyReader.IsScalar(type) || PrimitiveTypes.IsAny(type);
    }

    private string? SingleValue(SpecNode schemaNode)
    {
        if (schemaNode is not MappingNode schema)
        {
            return null;
        }

        var resolved = _schemas.Follow(schema);
        if (resolved?.Get("enum") is SequenceNode { Items.Count: 1 } values && values.Items[0] is ScalarNode { IsNull: false } value)
        {
            return value.Value;
        }

        return null;
    }

    private MappingNode? ResolveParameter(SpecNode item, string where)
    {
        if (item is not MappingNode parameter)
        {
            _context.Report(DiagnosticDescriptors.WrongType, item, where + " parameters[]", "a parameter mapping");
            return null;
        }

        return ResolveComponent(parameter, "parameter");
    }

    private MappingNode? ResolveComponent(MappingNode node, string what)
        => _context.FollowReferences(node, what, "a " + what + " mapping");

    /// <summary>
    /// A template whose query substitutes parameters (<c>/alerts?lat={lat}&amp;lon={lon}</c>: OpenAPI allows no query in a
    /// path, but descriptions write one to tell apart operations on the same path) sends each <c>key={name}</c> pair whose
    /// <c>{name}</c> is a declared path or query parameter as that parameter, under the query name <c>key</c> (form
    /// style, as a query parameter is by default); the pair leaves the template, whose other literal query stays.
    /// Anything else with a <c>{</c> there is left for <see cref="CheckPathTemplate"/> to report.
    /// </summary>
    private static string MoveTemplatedQuery(string path, List<ParameterModel> parameters)
    {
        var start = PathTemplatePlanner.PathPartEnd(path);
        if (start < 0 || path[start] != '?' || path.IndexOf('{', start) < 0)
        {
            return path;
        }

        var hash = path.IndexOf('#', start);
        var end = hash < 0 ? path.Length : hash;
        var kept = new List<string>();
        var moved = new Dictionary<int, ParameterModel>();
        foreach (var pair in path.Substring(start + 1, end - start - 1).Split('&'))
        {
            var equals = pair.IndexOf('=');
            var key = equals > 0 ? System.Uri.UnescapeDataString(pair.Substring(0, equals)) : null;
            var name = key is not null && pair.Length > equals + 2 && pair[equals + 1] == '{' && pair[pair.Length - 1] == '}'
                ? pair.Substring(equals + 2, pair.Length - equals - 3)
                : null;
            var index = name is null || name.IndexOfAny(new[] { '{', '}' }) >= 0 || key!.IndexOfAny(new[] { '{', '}' }) >= 0
                ? -1
                : parameters.FindIndex(p => p.WireName == name && p.Location is ParameterLocation.Path or ParameterLocation.Query);
            var clash = index >= 0 && (moved.ContainsKey(index)
                || parameters.Where((p, i) => i != index && p.Location == ParameterLocation.Query && p.WireName == key).Any()
                || moved.Values.Any(m => m.WireName == key));
            if (index < 0 || clash)
            {
                kept.Add(pair);
                continue;
            }

            moved[index] = parameters[index] with { Location = ParameterLocation.Query, WireName = key!, Style = ParameterStyle.Form, Explode = true, AllowReserved = false };
        }

        if (moved.Count == 0)
        {
            return path;
        }

        foreach (var entry in moved)
        {
            parameters[entry.Key] = entry.Value;
        }

        var query = string.Join("&", kept.Where(k => k.Length > 0));
        return path.Substring(0, start) + (query.Length > 0 ? "?" + query : string.Empty) + path.Substring(end);
    }

    private bool CheckPathTemplate(string path, List<ParameterModel> parameters, ScalarNode methodNode, string where)
    {
        var names = new List<string>();
        var index = 0;
        // Only the path part of a template is substituted: its literal query and fragment are sent (or, the fragment,
        // left out) as written.
        var literal = PathTemplatePlanner.PathPartEnd(path);
        while ((index = path.IndexOf('{', index)) >= 0)
        {
            var end = path.IndexOf('}', index);
            if (end < 0)
            {
                _context.Report(DiagnosticDescriptors.PathParameterMismatch, methodNode, "The path '" + path + "' has a '{' without a closing '}'; " + where + " is not generated");
                return false;
            }

            if (literal >= 0 && index > literal)
            {
                _context.Report(DiagnosticDescriptors.PathParameterMismatch, methodNode, "The path '" + path + "' has '" + path.Substring(index, end - index + 1) + "' in its " + (path[literal] == '?' ? "query" : "fragment") + ", where no parameter is substituted (only the path part of a template is); " + where + " is not generated");
                return false;
            }

            names.Add(path.Substring(index + 1, end - index - 1));
            index = end + 1;
        }

        var ok = true;
        foreach (var name in names)
        {
            if (!parameters.Any(p => p.Location == ParameterLocation.Path && p.WireName == name))
            {
                _context.Report(DiagnosticDescriptors.PathParameterMismatch, methodNode, "The path '" + path + "' names '{" + name + "}' but " + where + " declares no path parameter '" + name + "'; the operation is not generated");
                ok = false;
            }
        }

        foreach (var parameter in parameters.Where(p => p.Location == ParameterLocation.Path))
        {
            if (!names.Contains(parameter.WireName))
            {
                _context.Report(DiagnosticDescriptors.PathParameterMismatch, methodNode, "The path parameter '" + parameter.WireName + "' of " + where + " does not appear in the path '" + path + "'; the operation is not generated");
                ok = false;
            }
        }

        return ok;
    }

    private (ResponseKind Kind, TypeRef? Type, string? Accept) ReadResponse(MappingNode operation, string where, string typeHint)
    {
        var responses = _context.GetMapping(operation, "responses", where, required: !_context.IsOpenApi31);
        if (responses is null)
        {
            return (ResponseKind.None, null, null);
        }

        var first = responses.Entries
            .Where(e => e.Key.Value.Length == 3 && e.Key.Value[0] == '2')
            .OrderBy(e => e.Key.Value, System.StringComparer.Ordinal)
            .FirstOrDefault();
        var success = first.Value ?? responses.Get("default");
        if (success is not MappingNode responseMapping || ResolveComponent(responseMapping, "response") is not { } response)
        {
            return (ResponseKind.None, null, null);
        }

        if (response.Get("links") is not null)
        {
            _context.Report(DiagnosticDescriptors.LinksIgnored, ParseContext.KeyOrSelf(response, "links"), where);
        }

        // A 204 or 205 answer has no body whatever content the description gives it (RFC 9110, 15.3.5 and 15.3.6).
        var content = _context.GetMapping(response, "content", where + " response");
        if (content is null || content.Entries.Count == 0 || first.Key?.Value is "204" or "205")
        {
            return (ResponseKind.None, null, null);
        }

        var json = content.Entries.FirstOrDefault(e => BodyReader.IsJson(e.Key.Value));
        if (json.Key is not null)
        {
            var type = json.Value is MappingNode media && media.Get("schema") is { } schema
                ? _schemas.Resolve(schema, typeHint + "Response")
                : PrimitiveTypes.Any;

            // A wildcard answer whose schema is a string of bytes is bytes, not JSON; so is any answer whose schema is
            // format: binary, raw octets, which no JSON document holds (format: byte is base64 text, read as JSON).
            var asked = BodyReader.Accept(new[] { json.Key.Value });
            return BodyReader.IsBytes(type) && (json.Key.Value.IndexOf('*') >= 0 || _schemas.HasFormat((json.Value as MappingNode)?.Get("schema"), "binary"))
                ? (ResponseKind.Stream, null, asked)
                : (ResponseKind.Json, type, asked);
        }

        var firstType = content.Entries[0].Key.Value.ToLowerInvariant();
        var accept = BodyReader.Accept(content.Entries.Select(e => e.Key.Value));
        return firstType.StartsWith("text/", System.StringComparison.Ordinal)
            ? (ResponseKind.Text, PrimitiveTypes.String, accept)
            : (ResponseKind.Stream, null, accept);
    }

    /// <summary>
    /// The operation's security: the requirements the runtime can serve, in order. An empty requirement makes
    /// credentials optional; the alternatives after it are never used, so they are not kept.
    /// </summary>
    private SecurityModel ReadSecurity(MappingNode operation, string where)
    {
        var requirements = operation.Get("security") ?? _root.Get("security");
        if (requirements is null)
        {
            return SecurityModel.None;
        }

        if (requirements is not SequenceNode list)
        {
            _context.Report(DiagnosticDescriptors.WrongType, requirements, where + ".security", "a list of security requirements");
            return SecurityModel.None;
        }

        var schemes = _context.GetMapping(_context.GetMapping(_root, "components", "document") ?? EmptyMapping, "securitySchemes", "components");
        var alternatives = new List<SecurityRequirementModel>();
        var unsupported = false;
        foreach (var item in list.Items)
        {
            if (item is not MappingNode requirement)
            {
                _context.Report(DiagnosticDescriptors.WrongType, item, where + ".security[]", "a security requirement mapping");
                continue;
            }

            if (requirement.Entries.Count == 0)
            {
                alternatives.Add(new SecurityRequirementModel(EquatableArray<SecuritySchemeUse>.Empty));
                break;
            }

            var read = ReadRequirement(requirement, schemes, where, out var dangling);
            if (dangling)
            {
                continue;
            }

            if (read is null)
            {
                unsupported = true;
            }
            else if (!alternatives.Contains(read))
            {
                alternatives.Add(read);
            }
        }

        // Requirements that only name missing schemes are already reported; the rest the runtime cannot serve.
        if (alternatives.Count == 0 && unsupported)
        {
            _context.Report(DiagnosticDescriptors.SecuritySchemeNotSupported, list, where);
        }

        return new SecurityModel(alternatives.ToEquatableArray());
    }

    /// <summary>
    /// One requirement: the schemes it needs together (bearer-token schemes once, as one token meets them all); null
    /// when the runtime cannot serve one of them or two different credentials would both need the Authorization header.
    /// <paramref name="dangling"/> when it names a scheme that components.securitySchemes lacks (reported, CDG0046).
    /// </summary>
    private SecurityRequirementModel? ReadRequirement(MappingNode requirement, MappingNode? schemes, string where, out bool dangling)
    {
        dangling = false;
        var uses = new List<SecuritySchemeUse>();
        var authorizations = 0;
        string? failed = null;
        foreach (var entry in requirement.Entries)
        {
            var schemeName = entry.Key;
            if (schemes?.Get(schemeName.Value) is not MappingNode schemeNode)
            {
                _context.Report(DiagnosticDescriptors.UnknownSecurityScheme, schemeName, where, schemeName.Value);
                dangling = true;
                return null;
            }

            var scheme = ResolveComponent(schemeNode, "security scheme");
            var use = scheme is null ? null : Classify(schemeName.Value, scheme);
            if (use is null)
            {
                failed = schemeName.Value;
                continue;
            }

            if (use.Kind == SecuritySchemeKind.Bearer && uses.Contains(use))
            {
                // Several OAuth2, OpenID Connect or bearer schemes required together (Google's descriptions pair an
                // implicit and an authorization-code flow in every requirement) are met by one bearer token: the
                // Authorization header can carry no more than one.
                continue;
            }

            if (use.Kind == SecuritySchemeKind.ApiKey)
            {
                authorizations += _apiKeySchemes[schemeName.Value].ParameterName.Equals("Authorization", System.StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            }
            else
            {
                authorizations++;
            }

            uses.Add(use);
        }

        return failed is not null || authorizations > 1 ? null : new SecurityRequirementModel(uses.ToEquatableArray());
    }

    private SecuritySchemeUse? Classify(string name, MappingNode scheme)
    {
        var type = _context.GetString(scheme, "type", "securityScheme");
        switch (type)
        {
            case "http":
                var httpScheme = _context.GetString(scheme, "scheme", "securityScheme")?.ToLowerInvariant();
                return httpScheme switch
                {
                    "basic" => new SecuritySchemeUse(SecuritySchemeKind.Basic),
                    "bearer" => new SecuritySchemeUse(SecuritySchemeKind.Bearer),
                    _ => null,
                };
            case "oauth2":
            case "openIdConnect":
                return new SecuritySchemeUse(SecuritySchemeKind.Bearer);
            case "apiKey":
                return ClassifyApiKey(name, scheme);
            default:
                return null;
        }
    }

    /// <summary>
    /// An apiKey scheme the runtime can send: in a header (whose name is an HTTP token and no content header), a query
    /// parameter or a cookie; the scheme's name must not hold the separators of the runtime's requirement text.
    /// </summary>
    private SecuritySchemeUse? ClassifyApiKey(string name, MappingNode scheme)
    {
        var location = _context.GetString(scheme, "in", "securityScheme");
        var parameter = _context.GetString(scheme, "name", "securityScheme");
        if (string.IsNullOrEmpty(parameter) || name.IndexOfAny(new[] { '|', '&' }) >= 0 || name.Trim() != name)
        {
            return null;
        }

        var model = location switch
        {
            "header" when IsHeaderName(parameter!) => new ApiKeySchemeModel(name, ApiKeyLocation.Header, parameter!),
            "query" => new ApiKeySchemeModel(name, ApiKeyLocation.Query, parameter!),
            "cookie" when IsHeaderName(parameter!) => new ApiKeySchemeModel(name, ApiKeyLocation.Cookie, parameter!),
            _ => null,
        };
        if (model is null)
        {
            return null;
        }

        _apiKeySchemes[name] = model;
        return new SecuritySchemeUse(SecuritySchemeKind.ApiKey, name);
    }

    /// <summary>Whether <paramref name="name"/> is an HTTP token (RFC 9110) that does not name a content header.</summary>
    private static bool IsHeaderName(string name)
        => name.All(c => c < 127 && (char.IsLetterOrDigit(c) || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0))
            && !name.StartsWith("Content-", System.StringComparison.OrdinalIgnoreCase)
            && !name.Equals("Cookie", System.StringComparison.OrdinalIgnoreCase);

    private static readonly MappingNode EmptyMapping = new(new List<KeyValuePair<ScalarNode, SpecNode>>(), default, default);
}
