using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CelerData.Generated.Tests.Wire;

/// <summary>Thrown when no value valid for a schema can be made (a pattern this sampler cannot satisfy, say).</summary>
internal sealed class SampleException(string message) : Exception(message);

/// <summary>
/// Makes a JSON value a schema accepts, as a caller would send it: enums, formats, bounds, lengths and patterns
/// respected, read-only properties left out; every property (<c>requiredOnly: false</c>) or only the required
/// ones. Follows local <c>$ref</c>s, merges <c>allOf</c>, takes the first <c>oneOf</c>/<c>anyOf</c> alternative.
/// </summary>
internal sealed class SchemaSampler(JsonElement document)
{
    private const int MaxDepth = 6;

    private static readonly string[] PatternCandidates =
    {
        "a", "abc", "A", "ABC", "1", "123", "a1", "abc123", "ABC123", "ab-cd", "a_b", "abc.def", "2024", "2024-01-15", "10:30",
        "AB", "ab", "12", "1234", "12345", "123456", "AB12", "a-b-c", "US", "usd", "USD", "en", "en-US", "0", "x", "X1",
        "1,1", "1.5,2.5", "1,2", "a,b", "1:1", "a b", "Abc1", "aB3$", "+12345678901", "https://example.com", "user@example.com", "1.1.1.1", "1.0", "1.0.0",
    };

    public JsonNode? Sample(JsonElement schema, bool requiredOnly) => Sample(schema, requiredOnly, 0);

    /// <summary>The schema a local reference points to; the schema itself when it is not a reference.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        var hops = 0;
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference) && hops++ < 32)
        {
            schema = Pointer(reference.GetString()!);
        }

        return schema;
    }

    /// <summary>The element at a local JSON pointer (<c>#/components/schemas/Pet</c>).</summary>
    public JsonElement Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new SampleException("external reference " + reference);
        }

        var current = document;
        foreach (var raw in reference[2..].Split('/'))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Array
                && int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
            {
                // A pointer into a list (#/paths/~1request/get/parameters/6, as opensuse.org's description has).
                current = current[index];
            }
            else if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(token, out current))
            {
                throw new SampleException("dangling reference " + reference);
            }
        }

        return current;
    }

    private JsonNode? Sample(JsonElement schema, bool requiredOnly, int depth)
    {
        schema = Merge(Resolve(schema));
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return JsonValue.Create("value");
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            return JsonNode.Parse(constant.GetRawText());
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            var first = values.EnumerateArray().FirstOrDefault(v => v.ValueKind != JsonValueKind.Null);
            if (first.ValueKind != JsonValueKind.Undefined)
            {
                // A string schema listing a number or a boolean (enum: [1]) means its text, and a number schema listing
                // numbers as strings (enum: ["1"]) means the numbers, as the generated enums hold them.
                var declared = TypeOf(schema);
                if (declared == "string" && first.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                {
                    return JsonValue.Create(first.GetRawText());
                }

                if (declared is "integer" or "number" && first.ValueKind == JsonValueKind.String
                    && double.TryParse(first.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return declared == "integer" && number == Math.Floor(number) ? JsonValue.Create((long)number) : JsonValue.Create(number);
                }

                return JsonNode.Parse(first.GetRawText());
            }
        }

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var options) && options.ValueKind == JsonValueKind.Array)
            {
                var option = options.EnumerateArray().FirstOrDefault(o => !IsNull(Resolve(o)));
                if (option.ValueKind != JsonValueKind.Undefined)
                {
                    return Sample(option, requiredOnly, depth + 1);
                }
            }
        }

        var type = TypeOf(schema);
        switch (type)
        {
            case "object":
                return SampleObject(schema, requiredOnly, depth);
            case "array":
                {
                    var array = new JsonArray();
                    var min = Int(schema, "minItems") ?? 0;
                    // Two items where the schema allows (distinct ones are not made, so one where items must be
                    // unique): one item shows no delimiter, so a list sent with the wrong one would pass.
                    var unique = schema.TryGetProperty("uniqueItems", out var u) && u.ValueKind == JsonValueKind.True;
                    var count = requiredOnly ? min : Math.Max(min, Math.Min(unique ? 1 : 2, Int(schema, "maxItems") ?? 2));
                    if (depth >= MaxDepth)
                    {
                        count = min;
                    }

                    for (var i = 0; i < count; i++)
                    {
                        array.Add(schema.TryGetProperty("items", out var items) ? Sample(items, requiredOnly, depth + 1) : JsonValue.Create(i));
                    }

                    return array;
                }

            case "integer":
            case "number":
                return SampleNumber(schema, type == "integer");
            case "boolean":
                return JsonValue.Create(true);
            default:
                return JsonValue.Create(SampleString(schema));
        }
    }

    private JsonObject SampleObject(JsonElement schema, bool requiredOnly, int depth)
    {
        var required = schema.TryGetProperty("required", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(r => r.GetString()).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string?>(StringComparer.Ordinal);
        var result = new JsonObject();
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                var isRequired = required.Contains(property.Name);
                var resolved = Resolve(property.Value);
                if (IsFlagged(property.Value, "readOnly") || IsFlagged(resolved, "readOnly") || (!isRequired && (requiredOnly || depth >= MaxDepth)))
                {
                    continue;
                }

                result[property.Name] = Sample(property.Value, requiredOnly, depth + 1);
            }
        }

        // A name the object requires without declaring it gets a value of the additional members' schema (any JSON: a
        // string), as the generated model keeps it with the other members.
        var closed = schema.TryGetProperty("additionalProperties", out var open) && open.ValueKind == JsonValueKind.False;
        foreach (var name in required)
        {
            if (name is not null && !closed && !result.ContainsKey(name) && !(properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out _)))
            {
                result[name] = open.ValueKind == JsonValueKind.Object ? Sample(open, requiredOnly, depth + 1) : JsonValue.Create("string");
            }
        }

        // A map (or an object open to more members) with minProperties gets that many entries of its value schema.
        var minimum = Int(schema, "minProperties") ?? 0;
        var additional = schema.TryGetProperty("additionalProperties", out var more) ? more : default;
        for (var i = 1; result.Count < minimum && additional.ValueKind != JsonValueKind.False && i <= minimum + 8; i++)
        {
            if (!result.ContainsKey("key" + i))
            {
                result["key" + i] = additional.ValueKind == JsonValueKind.Object ? Sample(additional, requiredOnly, depth + 1) : JsonValue.Create("value" + i);
            }
        }

        return result;
    }

    private static JsonNode SampleNumber(JsonElement schema, bool integer)
    {
        var minimum = Number(schema, "minimum");
        var maximum = Number(schema, "maximum");
        var exclusiveMinimum = schema.TryGetProperty("exclusiveMinimum", out var em) && em.ValueKind == JsonValueKind.True;
        if (em.ValueKind == JsonValueKind.Number)
        {
            minimum = em.GetDouble();
            exclusiveMinimum = true;
        }

        var exclusiveMaximum = schema.TryGetProperty("exclusiveMaximum", out var ex) && ex.ValueKind == JsonValueKind.True;
        if (ex.ValueKind == JsonValueKind.Number)
        {
            maximum = ex.GetDouble();
            exclusiveMaximum = true;
        }

        var step = Number(schema, "multipleOf") ?? 1;
        var value = step;
        if (minimum is { } min)
        {
            value = Math.Ceiling(min / step) * step;
            if (exclusiveMinimum && value <= min)
            {
                value += step;
            }
        }

        if (maximum is { } max && (value > max || (exclusiveMaximum && value >= max)))
        {
            value = Math.Floor(max / step) * step;
            if (exclusiveMaximum && value >= max)
            {
                value -= step;
            }
        }

        return integer || value == Math.Floor(value) ? JsonValue.Create((long)value) : JsonValue.Create(value);
    }

    private static string SampleString(JsonElement schema)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        string? example = null;
        foreach (var keyword in new[] { "example", "default" })
        {
            if (schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.String)
            {
                example = value.GetString();
                break;
            }
        }

        if (schema.TryGetProperty("examples", out var examples) && examples.ValueKind == JsonValueKind.Array && examples.GetArrayLength() > 0 && examples[0].ValueKind == JsonValueKind.String)
        {
            example ??= examples[0].GetString();
        }

        var candidate = format switch
        {
            "date-time" => "2024-01-15T10:30:00Z",
            "date" => "2024-01-15",
            "time" => "10:30:00Z",
            "duration" => "P1D",
            "uuid" or "guid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "email" => "user@example.com",
            "uri" or "url" => "https://example.com/path",
            "uri-reference" => "/path",
            "hostname" => "example.com",
            "ipv4" => "192.0.2.1",
            "ipv6" => "2001:db8::1",
            "byte" or "base64" or "binary" => "U3dhZ2dlcg==",
            _ => null,
        };
        // An empty example is no value where a query parameter does not allow an empty one.
        example = example == string.Empty ? null : example;
        var formatKnown = candidate is not null;
        candidate ??= example ?? "string";

        // Lengths as given (Int caps counts at 64, which would make a string shorter than its minLength).
        var minLength = (int)Math.Min(Number(schema, "minLength") ?? 0, 100_000);
        var maxLength = Number(schema, "maxLength") is { } most ? (int?)Math.Min(most, int.MaxValue) : null;
        var pattern = schema.TryGetProperty("pattern", out var p) ? p.GetString() : null;
        // A value of the format before the description's example, which is sometimes of another format (Azure's "1.00:00:00"
        // for a duration).
        foreach (var option in (formatKnown ? new[] { candidate, example } : new[] { example, candidate }).Concat(PatternCandidates))
        {
            if (option is null)
            {
                continue;
            }

            var fitted = option.Length < minLength ? option + new string('a', minLength - option.Length) : option;
            if (maxLength is { } max && fitted.Length > max)
            {
                fitted = fitted[..max];
            }

            if (pattern is null || Matches(pattern, fitted))
            {
                return fitted;
            }

            if (pattern is not null && format is not null && option == candidate)
            {
                continue;
            }
        }

        if (pattern is not null && PatternSampler.Make(pattern, minLength, maxLength) is { } made && Matches(pattern, made))
        {
            return made;
        }

        throw new SampleException("no sample matches the pattern " + pattern);
    }

    private static bool Matches(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>A schema with its <c>allOf</c> members merged in: properties and required lists united, other keywords from the last member that has them.</summary>
    private JsonElement Merge(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("allOf", out var allOf) || allOf.ValueKind != JsonValueKind.Array)
        {
            return schema;
        }

        var merged = new JsonObject();
        var properties = new JsonObject();
        var required = new JsonArray();
        void Add(JsonElement part, int depth)
        {
            part = Resolve(part);
            if (part.ValueKind != JsonValueKind.Object || depth > 16)
            {
                return;
            }

            if (part.TryGetProperty("allOf", out var inner) && inner.ValueKind == JsonValueKind.Array)
            {
                foreach (var member in inner.EnumerateArray())
                {
                    Add(member, depth + 1);
                }
            }

            foreach (var keyword in part.EnumerateObject())
            {
                switch (keyword.Name)
                {
                    case "allOf":
                        break;
                    case "properties" when keyword.Value.ValueKind == JsonValueKind.Object:
                        foreach (var property in keyword.Value.EnumerateObject())
                        {
                            // A property declared again adds its keywords to the earlier declaration (allOf holds a value
                            // to both): `inbound: { required: [...] }` narrows an earlier array of rules.
                            var declared = JsonNode.Parse(property.Value.GetRawText());
                            if (properties[property.Name] is JsonObject earlier && declared is JsonObject later)
                            {
                                foreach (var (name, value) in later.ToList())
                                {
                                    later.Remove(name);
                                    earlier[name] = value;
                                }
                            }
                            else
                            {
                                properties[property.Name] = declared;
                            }
                        }

                        break;
                    case "required" when keyword.Value.ValueKind == JsonValueKind.Array:
                        foreach (var name in keyword.Value.EnumerateArray())
                        {
                            required.Add(name.GetString());
                        }

                        break;
                    default:
                        merged[keyword.Name] = JsonNode.Parse(keyword.Value.GetRawText());
                        break;
                }
            }
        }

        Add(schema, 0);
        if (properties.Count > 0)
        {
            merged["properties"] = properties;
            merged["type"] ??= "object";
        }

        if (required.Count > 0)
        {
            merged["required"] = required;
        }

        // The merged copy's own $refs still point into the document, so it is read against it.
        return JsonSerializer.SerializeToElement(merged);
    }

    private static string TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                return type.GetString()!;
            }

            if (type.ValueKind == JsonValueKind.Array)
            {
                return type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "string";
            }
        }

        if (schema.TryGetProperty("properties", out _) || schema.TryGetProperty("additionalProperties", out _))
        {
            return "object";
        }

        return schema.TryGetProperty("items", out _) ? "array" : "string";
    }

    private static bool IsNull(JsonElement schema)
        => schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null";

    private static bool IsFlagged(JsonElement schema, string keyword)
        => schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.True;

    private static int? Int(JsonElement schema, string keyword)
        => schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Number ? (int)Math.Min(value.GetDouble(), 64) : null;

    private static double? Number(JsonElement schema, string keyword)
        => schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    /// <summary>A scalar JSON value as text for a parameter (strings unquoted).</summary>
    public static string Text(JsonNode? node)
        => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node?.ToJsonString() ?? string.Empty;

    /// <summary>The invariant text of a number.</summary>
    public static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
