using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Model;
using CelerData.Generated.Parsing;

namespace CelerData.Generated.Emitting;

/// <summary>
/// Writes how path, query, header and cookie parameters go on the wire by OpenAPI's rules, not Refit's defaults:
/// <c>true</c>/<c>false</c>, RFC 3339 date-times, <c>yyyy-MM-dd</c> dates, invariant numbers, enum wire values,
/// arrays and objects per <c>style</c> and <c>explode</c>, percent-encoding per <c>allowReserved</c>; objects are
/// turned into name-value pairs through their JSON metadata (no reflection); a union (<c>oneOf</c>/<c>anyOf</c>) is
/// written as the JSON value it holds: an object as an object, an array as an array, a string or number as itself.
/// The helpers are emitted once per client, as the nested class <c>__Wire</c> of the implementation, each only when the
/// client's <see cref="WirePlan"/> says some generated code calls it.
/// </summary>
internal static class ParameterEmitter
{
    private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
    private const string Pairs = "global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, string>>";
    private const string Items = "global::System.Collections.Generic.IReadOnlyList<string>";
    private const string Element = "global::System.Text.Json.JsonElement";
    private const string Kind = "global::System.Text.Json.JsonValueKind";

    /// <summary>Writes the statements that build <c>__uri</c>: the path with its parameters and the query string.</summary>
    public static void EmitUri(SourceWriter writer, SpecModel spec, OperationModel operation)
    {
        var literalQuery = operation.Template.Query;
        var pieces = operation.Template.Segments
            .Select(segment => segment.Kind == PathSegmentKind.Literal
                ? CSharp.Literal(segment.Text)
                : PathValue(spec, operation.Parameters.First(p => p.Location == ParameterLocation.Path && p.WireName == segment.Text)))
            .ToList();
        var path = pieces.Count == 0 ? "\"\"" : string.Join(" + ", pieces);
        writer.Line($"var __path = {path};");
        var queryParameters = operation.Parameters.Where(p => p.Location == ParameterLocation.Query).ToList();
        if (queryParameters.Count == 0)
        {
            var uri = literalQuery.Length == 0 ? "__path" : "__path + " + CSharp.Literal("?" + literalQuery);
            writer.Line($"var __uri = {uri};");
            return;
        }

        var initial = literalQuery.Length == 0 ? string.Empty : CSharp.Literal(literalQuery);
        writer.Line($"var __query = new global::System.Text.StringBuilder({initial});");
        foreach (var parameter in queryParameters)
        {
            Guarded(writer, parameter, () => EmitQuery(writer, spec, parameter));
        }

        writer.Line("""var __uri = __query.Length == 0 ? __path : __path + "?" + __query.ToString();""");
    }

    /// <summary>Writes the statements that set the header and cookie parameters on <c>__request</c>.</summary>
    public static void EmitHeaders(SourceWriter writer, SpecModel spec, OperationModel operation)
    {
        foreach (var header in operation.Parameters.Where(p => p.Location == ParameterLocation.Header))
        {
            var value = header.AsJsonText ? JsonText(spec, header) : WirePlan.IsPlainScalar(header.Type) ? Text(Value(header), header.Type) : Styled(spec, header, encode: false);
            Guarded(writer, header, () => writer.Line($"{ImplementationEmitter.Runner}.SetHeader(__request, {CSharp.Literal(header.WireName)}, {value}, __settings.ValidateHeaders);"));
        }

        var cookies = operation.Parameters.Where(p => p.Location == ParameterLocation.Cookie).ToList();
        if (cookies.Count == 0)
        {
            return;
        }

        writer.Line("var __cookies = new global::System.Collections.Generic.List<string>();");
        foreach (var cookie in cookies)
        {
            var value = cookie.AsJsonText ? CSharp.Literal(cookie.WireName + "=") + " + __Wire.Encode(" + JsonText(spec, cookie) + ", false)" : Styled(spec, cookie, encode: true);
            Guarded(writer, cookie, () => writer.Line($"__cookies.Add({value});"));
        }

        writer.Block($$"""
            if (__cookies.Count > 0)
            {
                {{ImplementationEmitter.Runner}}.SetHeader(__request, "Cookie", string.Join("; ", __cookies), __settings.ValidateHeaders);
            }
            """);
    }

    /// <summary>Writes the nested helper class the generated code calls: only the helpers the client's <see cref="WirePlan"/> lists.</summary>
    public static void EmitHelpers(SourceWriter writer, WirePlan plan)
    {
        writer.Line("/// <summary>Writes parameter values as the API description puts them on the wire (OpenAPI's serialization rules).</summary>");
        writer.Open("private static class __Wire");
        var first = true;
        void Member(string block)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Block(block);
        }

        if (plan.Has(WireHelpers.Encode))
        {
            Member("""
                private const string Reserved = ":/?#[]@!$&'()*+,;=";
                """);
        }

        foreach (var (type, body) in new[]
        {
            (PrimitiveTypes.String, "value"),
            (PrimitiveTypes.Boolean, "value ? \"true\" : \"false\""),
            (PrimitiveTypes.Int32, "value.ToString(" + Invariant + ")"),
            (PrimitiveTypes.Int64, "value.ToString(" + Invariant + ")"),
            (PrimitiveTypes.Single, "value.ToString(\"R\", " + Invariant + ")"),
            (PrimitiveTypes.Double, "value.ToString(\"R\", " + Invariant + ")"),
            (PrimitiveTypes.Decimal, "value.ToString(" + Invariant + ")"),
            (PrimitiveTypes.Guid, "value.ToString(\"D\")"),
            (PrimitiveTypes.DateTimeOffset, "value.ToString(\"yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz\", " + Invariant + ")"),
            (PrimitiveTypes.DateOnly, "value.ToString(\"yyyy'-'MM'-'dd\", " + Invariant + ")"),
            // Any JSON (list items of `items: {}`): a string as itself, null (or a default value) as nothing, as a typed list's null item is sent, anything else as JSON.
            (PrimitiveTypes.Any, "value.ValueKind switch { global::System.Text.Json.JsonValueKind.String => value.GetString()!, global::System.Text.Json.JsonValueKind.Null or global::System.Text.Json.JsonValueKind.Undefined => string.Empty, _ => value.GetRawText() }"),
        })
        {
            if ((plan.TextTypes & type.Primitive) != PrimitiveKind.None)
            {
                Member($$"""
                    public static string Text{{type.Primitive}}({{type.Name}} value) => {{body}};
                    """);
            }
        }

        if (plan.Has(WireHelpers.JsonString))
        {
            Member("""
                /// <summary>The value of a JSON string response (the body without its quotes and escapes); any other JSON as it came.</summary>
                public static async global::System.Threading.Tasks.Task<string> JsonString(global::System.Threading.Tasks.Task<string> body)
                {
                    return Unquote(await body.ConfigureAwait(false));
                }

                private static string Unquote(string text)
                {
                    var reader = new global::System.Text.Json.Utf8JsonReader(global::System.Text.Encoding.UTF8.GetBytes(text));
                    return reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.String ? reader.GetString()! : text;
                }
                """);
        }

        if (plan.Has(WireHelpers.Encode))
        {
            Member($$"""
                /// <summary>Percent-encodes UTF-8 bytes except RFC 3986 unreserved characters (and reserved ones when allowed).</summary>
                public static string Encode(string value, bool allowReserved)
                {
                    var builder = new global::System.Text.StringBuilder(value.Length);
                    foreach (var b in global::System.Text.Encoding.UTF8.GetBytes(value))
                    {
                        var c = (char)b;
                        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' || (allowReserved && Reserved.IndexOf(c) >= 0))
                        {
                            builder.Append(c);
                        }
                        else
                        {
                            builder.Append('%').Append(b.ToString("X2", {{Invariant}}));
                        }
                    }

                    return builder.ToString();
                }
                """);
        }

        if (plan.HasAny(WireHelpers.Query | WireHelpers.QueryItems | WireHelpers.QueryPairs))
        {
            Member("""
                /// <summary>
                /// A query parameter's name, percent-encoded but for its brackets: names such as <c>filter[status]</c> and
                /// <c>ids[]</c> (PHP's and Rails' conventions) go as descriptions write them, as deepObject names do.
                /// </summary>
                public static string QueryName(string name) => Encode(name, false).Replace("%5B", "[").Replace("%5D", "]");
                """);
        }

        if (plan.Has(WireHelpers.Properties))
        {
            Member($$"""
                /// <summary>The members of an object, through its JSON metadata, as name and text (nested values as JSON); nulls left out.</summary>
                public static {{Pairs}} Properties<T>(T value, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
                {
                    var element = global::System.Text.Json.JsonSerializer.SerializeToElement(value, (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)info);
                    var pairs = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();
                    Flatten(element, null, false, pairs);
                    return pairs;
                }
                """);
        }

        if (plan.Has(WireHelpers.DeepProperties))
        {
            Member($$"""
                /// <summary>The members of an object as deepObject names (<c>name[member][inner]</c>) and texts.</summary>
                public static {{Pairs}} DeepProperties<T>(string name, T value, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
                {
                    var element = global::System.Text.Json.JsonSerializer.SerializeToElement(value, (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)info);
                    var pairs = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();
                    Flatten(element, name, true, pairs);
                    return pairs;
                }
                """);
        }

        if (plan.Has(WireHelpers.Map))
        {
            Member($$"""
                /// <summary>A map's entries as key and text pairs (deepObject names <c>name[key]</c> when <paramref name="deepName"/> is set); entries whose text is null are left out.</summary>
                public static {{Pairs}} Map<T>(global::System.Collections.Generic.IReadOnlyDictionary<string, T> map, global::System.Func<T, string?> text, string? deepName)
                {
                    var pairs = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>(map.Count);
                    foreach (var entry in map)
                    {
                        if (text(entry.Value) is { } value)
                        {
                            pairs.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(deepName is null ? entry.Key : deepName + "[" + Encode(entry.Key, false) + "]", value));
                        }
                    }

                    return pairs;
                }
                """);
        }

        if (plan.Has(WireHelpers.JsonMap))
        {
            Member($$"""
                /// <summary>A free-form map's entries as key and text pairs: a string as itself, other values as JSON, nested objects by deepObject names when <paramref name="deepName"/> is set; null values left out.</summary>
                public static {{Pairs}} JsonMap(global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement> map, string? deepName)
                {
                    var pairs = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>(map.Count);
                    foreach (var entry in map)
                    {
                        FlattenValue(deepName is null ? entry.Key : deepName + "[" + Encode(entry.Key, false) + "]", entry.Value, deepName is not null, pairs);
                    }

                    return pairs;
                }
                """);
        }

        if (plan.HasAny(WireHelpers.Properties | WireHelpers.DeepProperties | WireHelpers.QueryJson | WireHelpers.StyledJson | WireHelpers.JsonMap))
        {
            Member(FlattenHelpers);
        }

        if (plan.Has(WireHelpers.Query))
        {
            Member("""
                /// <summary>Appends one query pair.</summary>
                public static void Query(global::System.Text.StringBuilder query, string name, string text, bool allowReserved)
                {
                    query.Append(query.Length == 0 ? "" : "&").Append(QueryName(name)).Append('=').Append(Encode(text, allowReserved));
                }
                """);
        }

        if (plan.Has(WireHelpers.QueryItems))
        {
            Member(QueryItemsHelper);
        }

        if (plan.Has(WireHelpers.QueryPairs))
        {
            Member(QueryPairsHelper);
        }

        if (plan.HasAny(WireHelpers.QueryItems | WireHelpers.QueryPairs))
        {
            Member("""
                private static string Delimiter(string style) => style switch
                {
                    "spaceDelimited" => "%20",
                    "pipeDelimited" => "%7C",
                    _ => ",",
                };
                """);
        }

        if (plan.Has(WireHelpers.Styled))
        {
            Member(StyledHelper);
        }

        if (plan.Has(WireHelpers.Json))
        {
            Member("""
                /// <summary>A value as the JSON element its metadata writes.</summary>
                public static global::System.Text.Json.JsonElement Json<T>(T value, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
                    => global::System.Text.Json.JsonSerializer.SerializeToElement(value, (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)info);
                """);
        }

        if (plan.HasAny(WireHelpers.QueryJson | WireHelpers.StyledJson))
        {
            var helpers = new List<string>();
            if (plan.Has(WireHelpers.QueryJson))
            {
                helpers.Add(QueryJsonHelper);
            }

            if (plan.Has(WireHelpers.StyledJson))
            {
                helpers.Add(StyledJsonHelper);
            }

            helpers.Add(JsonTextHelpers);
            Member(string.Join("\n\n", helpers));
        }

        writer.Close();
    }

    /// <summary>An object's members, through its JSON element, as name and text pairs (deepObject names when deep).</summary>
    private const string FlattenHelpers = """
        private static void Flatten(global::System.Text.Json.JsonElement element, string? prefix, bool deep, global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>> pairs)
        {
            foreach (var property in element.EnumerateObject())
            {
                FlattenValue(prefix is null ? property.Name : prefix + "[" + Encode(property.Name, false) + "]", property.Value, deep, pairs);
            }
        }

        /// <summary>One JSON value under its key: null left out, an object by deepObject names when deep, a string as itself, anything else as JSON.</summary>
        private static void FlattenValue(string key, global::System.Text.Json.JsonElement value, bool deep, global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>> pairs)
        {
            switch (value.ValueKind)
            {
                case global::System.Text.Json.JsonValueKind.Null:
                case global::System.Text.Json.JsonValueKind.Undefined:
                    break;
                case global::System.Text.Json.JsonValueKind.Object when deep:
                    Flatten(value, key, true, pairs);
                    break;
                case global::System.Text.Json.JsonValueKind.String:
                    pairs.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(key, value.GetString()!));
                    break;
                default:
                    pairs.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(key, value.GetRawText()));
                    break;
            }
        }
        """;

    /// <summary>Appends an array parameter to the query.</summary>
    private const string QueryItemsHelper = $$"""
        /// <summary>Appends an array: one pair per item when exploded, else the items joined by the style's delimiter.</summary>
        public static void QueryItems(global::System.Text.StringBuilder query, string name, {{Items}} items, string style, bool explode, bool allowReserved)
        {
            if (explode)
            {
                foreach (var item in items)
                {
                    Query(query, name, item, allowReserved);
                }

                return;
            }

            var encoded = new global::System.Collections.Generic.List<string>(items.Count);
            foreach (var item in items)
            {
                encoded.Add(Encode(item, allowReserved));
            }

            query.Append(query.Length == 0 ? "" : "&").Append(QueryName(name)).Append('=').Append(string.Join(Delimiter(style), encoded));
        }
        """;

    /// <summary>Appends an object or map parameter to the query.</summary>
    private const string QueryPairsHelper = $$"""
        /// <summary>Appends an object: its members as pairs when exploded (deepObject names included), else name=member,value,... joined by the style's delimiter.</summary>
        public static void QueryPairs(global::System.Text.StringBuilder query, string name, {{Pairs}} pairs, string style, bool explode, bool allowReserved)
        {
            if (explode || style == "deepObject")
            {
                // A deepObject name arrives built: its member segments percent-encoded, its brackets literal.
                foreach (var pair in pairs)
                {
                    query.Append(query.Length == 0 ? "" : "&").Append(DeepName(pair.Key, style == "deepObject")).Append('=').Append(Encode(pair.Value, allowReserved));
                }

                return;
            }

            var encoded = new global::System.Collections.Generic.List<string>(pairs.Count * 2);
            foreach (var pair in pairs)
            {
                encoded.Add(Encode(pair.Key, allowReserved));
                encoded.Add(Encode(pair.Value, allowReserved));
            }

            query.Append(query.Length == 0 ? "" : "&").Append(QueryName(name)).Append('=').Append(string.Join(Delimiter(style), encoded));
        }

        /// <summary>A pair's name in the query: a deepObject name's parameter name encoded and the rest as built (<c>name[member][inner]</c>, members encoded), any other name encoded whole.</summary>
        private static string DeepName(string key, bool deep)
        {
            var bracket = deep ? key.IndexOf('[') : -1;
            return bracket < 0 ? QueryName(key) : QueryName(key.Substring(0, bracket)) + key.Substring(bracket);
        }
        """;

    /// <summary>Writes a path, header or cookie value in its style.</summary>
    private const string StyledHelper = $$"""
        /// <summary>A path, header or cookie value in simple, label, matrix or form style (items: an array or one scalar; pairs: an object).</summary>
        public static string Styled(string name, string style, bool explode, {{Items}}? items, {{Pairs}}? pairs, bool encode)
        {
            global::System.Func<string, string> e = encode ? static text => Encode(text, false) : static text => text;
            var parts = new global::System.Collections.Generic.List<string>();
            if (items is not null)
            {
                foreach (var item in items)
                {
                    parts.Add(style == "matrix" && explode ? ";" + e(name) + "=" + e(item) : e(item));
                }
            }
            else if (pairs is not null)
            {
                foreach (var pair in pairs)
                {
                    if (explode)
                    {
                        parts.Add((style == "matrix" ? ";" : "") + e(pair.Key) + "=" + e(pair.Value));
                    }
                    else
                    {
                        parts.Add(e(pair.Key));
                        parts.Add(e(pair.Value));
                    }
                }
            }

            switch (style)
            {
                case "label":
                    return "." + string.Join(explode ? "." : ",", parts);
                case "matrix":
                    return explode ? string.Concat(parts) : ";" + e(name) + "=" + string.Join(",", parts);
                case "form":
                    return explode && pairs is not null ? string.Join("; ", parts) : e(name) + "=" + string.Join(",", parts);
                default:
                    return string.Join(",", parts);
            }
        }
        """;

    /// <summary>Writes a JSON value (a union parameter, a form property) in the query.</summary>
    private const string QueryJsonHelper = $$"""
        /// <summary>Appends a JSON value: an object as an object, an array as an array, anything else as one value; null as nothing.</summary>
        public static void QueryJson(global::System.Text.StringBuilder query, string name, {{Element}} element, string style, bool explode, bool allowReserved)
        {
            switch (element.ValueKind)
            {
                case {{Kind}}.Object:
                    var pairs = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();
                    Flatten(element, style == "deepObject" ? name : null, style == "deepObject", pairs);
                    QueryPairs(query, name, pairs, style, explode, allowReserved);
                    break;
                case {{Kind}}.Array:
                    QueryItems(query, name, JsonItems(element), style, explode, allowReserved);
                    break;
                case {{Kind}}.Null or {{Kind}}.Undefined:
                    break;
                default:
                    Query(query, name, JsonText(element), allowReserved);
                    break;
            }
        }
        """;

    /// <summary>Writes a JSON value (a union parameter) in a path, header or cookie style.</summary>
    private const string StyledJsonHelper = $$"""
        /// <summary>A JSON value in a path, header or cookie style: an object as pairs, an array as items, anything else as one item.</summary>
        public static string StyledJson(string name, string style, bool explode, {{Element}} element, bool encode)
        {
            if (element.ValueKind == {{Kind}}.Object)
            {
                var pairs = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();
                Flatten(element, null, false, pairs);
                return Styled(name, style, explode, null, pairs, encode);
            }

            return Styled(name, style, explode, element.ValueKind == {{Kind}}.Array ? JsonItems(element) : new[] { JsonText(element) }, null, encode);
        }
        """;

    /// <summary>The text of a JSON array's items and of one JSON value, which the JSON value helpers share.</summary>
    private const string JsonTextHelpers = $$"""
        private static {{Items}} JsonItems({{Element}} array)
        {
            var items = new global::System.Collections.Generic.List<string>();
            foreach (var item in array.EnumerateArray())
            {
                items.Add(JsonText(item));
            }

            return items;
        }

        private static string JsonText({{Element}} element) => element.ValueKind switch { {{Kind}}.String => element.GetString()!, {{Kind}}.Undefined => string.Empty, _ => element.GetRawText() };
        """;

    private static void Guarded(SourceWriter writer, ParameterModel parameter, System.Action emit)
    {
        var guarded = !parameter.IsRequired || !parameter.Type.IsValueType;
        if (guarded)
        {
            writer.Open("if (" + CSharp.Parameter(parameter.Name) + " != null)");
        }

        emit();
        if (guarded)
        {
            writer.Close();
        }
    }

    private static string PathValue(SpecModel spec, ParameterModel parameter)
        => parameter.AsJsonText ? "__Wire.Encode(" + JsonText(spec, parameter) + ", false)"
            : parameter.Style == ParameterStyle.Simple && WirePlan.IsPlainScalar(parameter.Type)
            ? "__Wire.Encode(" + Text(Value(parameter), parameter.Type) + ", false)"
            : Styled(spec, parameter, encode: true);

    /// <summary>The JSON text of a parameter described by <c>content</c> of a JSON media type (non-null inside the null guard).</summary>
    private static string JsonText(SpecModel spec, ParameterModel parameter)
    {
        if (PrimitiveTypes.IsAny(parameter.Type))
        {
            return Value(parameter) + ".GetRawText()";
        }

        var type = CSharp.Type(parameter.Type.WithNullable(false), spec.Namespace);
        return "global::System.Text.Json.JsonSerializer.Serialize<" + type + ">(" + Value(parameter) + ", " + CSharp.TypedTypeInfo(spec, type) + ")";
    }

    private static void EmitQuery(SourceWriter writer, SpecModel spec, ParameterModel parameter)
    {
        var name = CSharp.Literal(parameter.WireName);
        var allowReserved = CSharp.Bool(parameter.AllowReserved);
        var style = CSharp.Literal(parameter.Style.WireName());
        var explode = CSharp.Bool(parameter.Explode);
        if (parameter.AsJsonText)
        {
            writer.Line($"__Wire.Query(__query, {name}, {JsonText(spec, parameter)}, {allowReserved});");
            return;
        }

        switch (parameter.Type.Kind)
        {
            case TypeRefKind.List:
                writer.Line($"__Wire.QueryItems(__query, {name}, {ItemsOf(CSharp.Parameter(parameter.Name), parameter.Type)}, {style}, {explode}, {allowReserved});");
                break;
            case TypeRefKind.Model or TypeRefKind.Primitive when spec.Wire.IsJsonValue(parameter.Type):
                writer.Line($"__Wire.QueryJson(__query, {name}, {JsonOf(spec, parameter)}, {style}, {explode}, {allowReserved});");
                break;
            case TypeRefKind.Model:
                writer.Line($"__Wire.QueryPairs(__query, {name}, {PairsOf(spec, parameter)}, {style}, {explode}, {allowReserved});");
                break;
            case TypeRefKind.Dictionary:
                writer.Line($"__Wire.QueryPairs(__query, {name}, {MapOf(parameter)}, {style}, {explode}, {allowReserved});");
                break;
            default:
                writer.Line($"__Wire.Query(__query, {name}, {Text(Value(parameter), parameter.Type)}, {allowReserved});");
                break;
        }
    }

    private static string Styled(SpecModel spec, ParameterModel parameter, bool encode)
    {
        if (spec.Wire.IsJsonValue(parameter.Type))
        {
            return "__Wire.StyledJson(" + CSharp.Literal(parameter.WireName) + ", " + CSharp.Literal(parameter.Style.WireName()) + ", " + CSharp.Bool(parameter.Explode) + ", " + JsonOf(spec, parameter) + ", " + CSharp.Bool(encode) + ")";
        }

        string items = "null", pairs = "null";
        switch (parameter.Type.Kind)
        {
            case TypeRefKind.List:
                items = ItemsOf(CSharp.Parameter(parameter.Name), parameter.Type);
                break;
            case TypeRefKind.Model:
                pairs = PairsOf(spec, parameter);
                break;
            case TypeRefKind.Dictionary:
                pairs = MapOf(parameter);
                break;
            default:
                items = "new[] { " + Text(Value(parameter), parameter.Type) + " }";
                break;
        }

        return "__Wire.Styled(" + CSharp.Literal(parameter.WireName) + ", " + CSharp.Literal(parameter.Style.WireName()) + ", " + CSharp.Bool(parameter.Explode) + ", " + items + ", " + pairs + ", " + CSharp.Bool(encode) + ")";
    }

    /// <summary>The parameter's value (non-null inside the null guard).</summary>
    internal static string Value(ParameterModel parameter)
        => CSharp.Parameter(parameter.Name) + (parameter.Type.IsNullable && parameter.Type.IsValueType ? ".Value" : string.Empty);

    private static string ItemsOf(string expression, TypeRef list)
    {
        return "global::System.Linq.Enumerable.ToList(global::System.Linq.Enumerable.Select(" + expression + ", static __item => " + ItemText("__item", list.Element!, "string.Empty") + "))";
    }

    private static string PairsOf(SpecModel spec, ParameterModel parameter)
    {
        var type = CSharp.Type(parameter.Type.WithNullable(false), spec.Namespace);
        var info = CSharp.TypeInfo(spec, type);
        return parameter.Style == ParameterStyle.DeepObject
            ? "__Wire.DeepProperties<" + type + ">(" + CSharp.Literal(parameter.WireName) + ", " + CSharp.Parameter(parameter.Name) + ", " + info + ")"
            : "__Wire.Properties<" + type + ">(" + CSharp.Parameter(parameter.Name) + ", " + info + ")";
    }

    /// <summary>A map parameter's entries as pairs: values of any JSON through <c>JsonMap</c>, scalars through <c>Map</c> and their wire text.</summary>
    private static string MapOf(ParameterModel parameter)
    {
        var value = parameter.Type.Element!;
        var deepName = parameter.Style == ParameterStyle.DeepObject ? CSharp.Literal(parameter.WireName) : "null";
        if (PrimitiveTypes.IsAny(value))
        {
            return "__Wire.JsonMap(" + CSharp.Parameter(parameter.Name) + ", " + deepName + ")";
        }

        return "__Wire.Map(" + CSharp.Parameter(parameter.Name) + ", static __v => " + ItemText("__v", value, "null") + ", " + deepName + ")";
    }

    /// <summary>The wire text of a list item or map value held in <paramref name="variable"/>; <paramref name="whenNull"/> for a null one.</summary>
    private static string ItemText(string variable, TypeRef type, string whenNull)
        => type.IsNullable
            ? variable + " is null ? " + whenNull + " : " + Text(type.IsValueType ? variable + ".Value" : variable, type)
            : Text(variable, type);

    /// <summary>The JSON value a union or any-JSON parameter holds: a union's through its metadata, any JSON as it is.</summary>
    private static string JsonOf(SpecModel spec, ParameterModel parameter)
    {
        if (PrimitiveTypes.IsAny(parameter.Type))
        {
            return Value(parameter);
        }

        var type = CSharp.Type(parameter.Type.WithNullable(false), spec.Namespace);
        return "__Wire.Json<" + type + ">(" + CSharp.Parameter(parameter.Name) + ", " + CSharp.TypeInfo(spec, type) + ")";
    }

    /// <summary>
    /// The wire text of a scalar value: an enum's wire value, a primitive by OpenAPI's format (parameters and multipart
    /// parts). Each primitive kind's writer has its own name (TextInt64, TextString), so a call has one candidate.
    /// </summary>
    internal static string Text(string expression, TypeRef type)
        => type.Kind == TypeRefKind.Enum ? "__Format" + type.Name + "(" + expression + ")" : "__Wire.Text" + type.Primitive + "(" + expression + ")";
}
