using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Parsing;

/// <summary>
/// Decides which <c>__Wire</c> helpers a client's generated code calls, by the same rules the emitters follow to
/// write each parameter, multipart part, form body and JSON string response, and adds the helpers those helpers call;
/// also whether <c>__Body</c> needs its form and multipart helpers, which enums need a <c>__Format{Enum}</c>, and
/// which types are unions (once, for this planner and <c>ParameterEmitter</c>).
/// </summary>
internal static class WirePlanner
{
    public static WirePlan Plan(IReadOnlyList<OperationModel> operations, IReadOnlyList<TypeModel> types)
    {
        var unions = new SortedSet<string>(types.Where(t => t.Kind == TypeKind.Union).Select(t => t.Name), System.StringComparer.Ordinal);
        var helpers = WireHelpers.None;
        var texts = PrimitiveKind.None;

        void Text(TypeRef? type)
        {
            if (type is not null)
            {
                texts |= type.Primitive;
            }
        }

        bool IsUnion(TypeRef type) => type.Kind == TypeRefKind.Model && unions.Contains(type.Name);

        // ParameterEmitter writes a union, and any JSON, as the JSON value it holds; only a union needs __Wire.Json to get it.
        WireHelpers JsonValue(TypeRef type) => IsUnion(type) ? WireHelpers.Json : WireHelpers.None;

        // ParameterEmitter.MapOf: a map parameter's entries as pairs.
        void Map(TypeRef map)
        {
            if (PrimitiveTypes.IsAny(map.Element!))
            {
                helpers |= WireHelpers.JsonMap;
                return;
            }

            helpers |= WireHelpers.Map;
            Text(map.Element);
        }

        // ParameterEmitter.Styled: a path, header or cookie value that is not a plain scalar.
        void Styled(ParameterModel parameter)
        {
            if (IsUnion(parameter.Type) || PrimitiveTypes.IsAny(parameter.Type))
            {
                helpers |= WireHelpers.StyledJson | JsonValue(parameter.Type);
                return;
            }

            helpers |= WireHelpers.Styled;
            switch (parameter.Type.Kind)
            {
                case TypeRefKind.List:
                    Text(parameter.Type.Element);
                    break;
                case TypeRefKind.Model:
                    helpers |= parameter.Style == ParameterStyle.DeepObject ? WireHelpers.DeepProperties : WireHelpers.Properties;
                    break;
                case TypeRefKind.Dictionary:
                    Map(parameter.Type);
                    break;
                default:
                    Text(parameter.Type);
                    break;
            }
        }

        foreach (var operation in operations)
        {
            if (operation.ReturnsJsonString)
            {
                helpers |= WireHelpers.JsonString;
            }

            if (operation.Body is { Kind: BodyKind.Form })
            {
                helpers |= WireHelpers.Query | WireHelpers.QueryJson;
            }

            // BodyEmitter.EmitMultipart: a scalar part, or each item of an array of scalars, as text.
            foreach (var part in operation.Body is { Kind: BodyKind.Multipart } multipart ? multipart.Parts.AsEnumerable() : Enumerable.Empty<PartModel>())
            {
                var type = operation.PartParameter(part).Type;
                Text(part.Kind == PartKind.Text ? type : part.Kind == PartKind.Texts ? type.Element : null);
            }

            foreach (var parameter in operation.Parameters)
            {
                // ParameterEmitter.JsonText: serialized through the context, then encoded in the path, query or cookie.
                if (parameter.AsJsonText)
                {
                    helpers |= parameter.Location switch
                    {
                        ParameterLocation.Query => WireHelpers.Query,
                        ParameterLocation.Header => WireHelpers.None,
                        _ => WireHelpers.Encode,
                    };
                    continue;
                }

                var scalar = WirePlan.IsPlainScalar(parameter.Type);
                switch (parameter.Location)
                {
                    case ParameterLocation.Path when parameter.Style == ParameterStyle.Simple && scalar:
                    case ParameterLocation.Header when scalar:
                        helpers |= parameter.Location == ParameterLocation.Path ? WireHelpers.Encode : WireHelpers.None;
                        Text(parameter.Type);
                        break;
                    case ParameterLocation.Path:
                    case ParameterLocation.Header:
                    case ParameterLocation.Cookie:
                        Styled(parameter);
                        break;
                    case ParameterLocation.Query when parameter.Type.Kind == TypeRefKind.List:
                        helpers |= WireHelpers.QueryItems;
                        Text(parameter.Type.Element);
                        break;
                    case ParameterLocation.Query when IsUnion(parameter.Type) || PrimitiveTypes.IsAny(parameter.Type):
                        helpers |= WireHelpers.QueryJson | JsonValue(parameter.Type);
                        break;
                    case ParameterLocation.Query when parameter.Type.Kind == TypeRefKind.Model:
                        helpers |= WireHelpers.QueryPairs | (parameter.Style == ParameterStyle.DeepObject ? WireHelpers.DeepProperties : WireHelpers.Properties);
                        break;
                    case ParameterLocation.Query when parameter.Type.Kind == TypeRefKind.Dictionary:
                        helpers |= WireHelpers.QueryPairs;
                        Map(parameter.Type);
                        break;
                    case ParameterLocation.Query:
                        helpers |= WireHelpers.Query;
                        Text(parameter.Type);
                        break;
                }
            }
        }

        // What the helpers themselves call.
        if ((helpers & WireHelpers.QueryJson) != 0)
        {
            helpers |= WireHelpers.QueryPairs | WireHelpers.QueryItems;
        }

        if ((helpers & WireHelpers.StyledJson) != 0)
        {
            helpers |= WireHelpers.Styled;
        }

        if ((helpers & WireHelpers.QueryItems) != 0)
        {
            helpers |= WireHelpers.Query;
        }

        if ((helpers & (WireHelpers.Query | WireHelpers.QueryItems | WireHelpers.QueryPairs | WireHelpers.Styled)) != 0)
        {
            helpers |= WireHelpers.Encode;
        }

        // A path, query, header or cookie value (or list item) of an enum type is written by its __Format{Enum}.
        var formatted = new HashSet<string>(
            operations
                .SelectMany(o => o.Parameters)
                .Where(p => p.Location != ParameterLocation.Body)
                .Select(p => p.Type.Kind == TypeRefKind.Enum ? p.Type : p.Type.Element)
                .Where(t => t is { Kind: TypeRefKind.Enum })
                .Select(t => t!.Name),
            System.StringComparer.Ordinal);

        return new WirePlan(
            helpers,
            texts,
            Forms: operations.Any(o => o.Body is { Kind: BodyKind.Form }),
            Multipart: operations.Any(o => o.Body is { Kind: BodyKind.Multipart }),
            types.Where(t => t.Kind == TypeKind.Enum && formatted.Contains(t.Name)).Select(t => t.Name).ToEquatableArray(),
            unions.ToEquatableArray());
    }
}
