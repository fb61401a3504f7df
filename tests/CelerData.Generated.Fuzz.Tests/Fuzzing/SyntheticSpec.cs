using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using YamlDotNet.RepresentationModel;

namespace CelerData.Generated.Fuzz.Tests.Fuzzing;

/// <summary>Random but well-formed OpenAPI 3 documents: models of every shape, operations of every parameter kind, a token operation.</summary>
internal static class SyntheticSpec
{
    private static readonly string[] Words = ["pet", "order", "user", "cluster", "state", "item", "tag", "owner", "limit", "page", "name", "id", "kind", "value", "created_at", "is-active", "x_y", "HTTPStatus", "ipV6Address"];
    private static readonly string[] Formats = ["int32", "int64", "float", "double", "date-time", "date", "uuid", "byte", "binary", "uri", "email", "duration", "weird"];

    public static string Create(Random random, int index)
    {
        var schemaNames = new List<string>();
        var schemaCount = 1 + random.Next(8);
        for (var i = 0; i < schemaCount; i++)
        {
            schemaNames.Add(Name(random) + i.ToString(CultureInfo.InvariantCulture));
        }

        var schemas = new YamlMappingNode();
        foreach (var name in schemaNames)
        {
            schemas.Add(name, Schema(random, schemaNames, depth: 0));
        }

        var paths = new YamlMappingNode();
        var operationCount = 1 + random.Next(6);
        for (var i = 0; i < operationCount; i++)
        {
            var pathParameter = random.Next(2) == 0 ? Name(random) + "_id" : null;
            var path = "/api/" + Name(random) + i.ToString(CultureInfo.InvariantCulture) + (pathParameter is null ? "" : "/{" + pathParameter + "}");
            var operations = new YamlMappingNode();
            foreach (var method in new[] { "get", "post", "put", "patch", "delete" })
            {
                if (random.Next(3) == 0 || (method == "get" && operations.Children.Count == 0))
                {
                    operations.Add(method, Operation(random, schemaNames, method + Name(random) + i.ToString(CultureInfo.InvariantCulture) + method.Length, pathParameter, method != "get" && method != "delete"));
                }
            }

            paths.Add(path, operations);
        }

        if (random.Next(2) == 0)
        {
            paths.Add("/oauth/token", TokenOperation());
            schemas.Add("TokenResponse", TokenSchema());
        }

        var root = new YamlMappingNode
        {
            { "openapi", random.Next(3) == 0 ? "3.1.0" : "3.0.3" },
            { "info", new YamlMappingNode { { "title", "Synthetic " + index.ToString(CultureInfo.InvariantCulture) + " " + Name(random) }, { "version", "1.0" }, { "description", "Made by the fuzzer." } } },
            { "servers", new YamlSequenceNode(new YamlMappingNode { { "url", "https://example.test/v1" } }) },
            { "paths", paths },
            {
                "components", new YamlMappingNode
                {
                    { "schemas", schemas },
                    {
                        "securitySchemes", new YamlMappingNode
                        {
                            { "basicAuth", new YamlMappingNode { { "type", "http" }, { "scheme", "basic" } } },
                            { "bearerAuth", new YamlMappingNode { { "type", "http" }, { "scheme", "bearer" } } },
                        }
                    },
                }
            },
        };
        return Save(root);
    }

    public static string Save(YamlNode root)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static string Name(Random random) => Words[random.Next(Words.Length)];

    private static YamlMappingNode Operation(Random random, List<string> schemaNames, string operationId, string? pathParameter, bool hasBody)
    {
        var operation = new YamlMappingNode { { "operationId", operationId }, { "summary", "Does " + operationId } };
        var parameters = new YamlSequenceNode();
        if (pathParameter is not null)
        {
            parameters.Add(new YamlMappingNode { { "name", pathParameter }, { "in", "path" }, { "required", "true" }, { "schema", new YamlMappingNode { { "type", "string" } } } });
        }

        for (var i = random.Next(4); i > 0; i--)
        {
            var location = random.Next(3) switch { 0 => "query", 1 => "header", _ => "query" };
            parameters.Add(new YamlMappingNode
            {
                { "name", Name(random) + i.ToString(CultureInfo.InvariantCulture) },
                { "in", location },
                { "required", random.Next(2) == 0 ? "true" : "false" },
                { "schema", Schema(random, schemaNames, depth: 2) },
            });
        }

        if (parameters.Children.Count > 0)
        {
            operation.Add("parameters", parameters);
        }

        if (hasBody && random.Next(2) == 0)
        {
            operation.Add("requestBody", new YamlMappingNode { { "required", "true" }, { "content", new YamlMappingNode { { "application/json", new YamlMappingNode { { "schema", Ref(schemaNames[random.Next(schemaNames.Count)]) } } } } } });
        }

        var responses = new YamlMappingNode();
        var status = random.Next(4) switch { 0 => "201", 1 => "204", _ => "200" };
        var response = new YamlMappingNode { { "description", "ok" } };
        if (status != "204")
        {
            response.Add("content", new YamlMappingNode { { "application/json", new YamlMappingNode { { "schema", random.Next(3) == 0 ? Schema(random, schemaNames, 1) : Ref(schemaNames[random.Next(schemaNames.Count)]) } } } });
        }

        responses.Add(status, response);
        if (random.Next(3) == 0)
        {
            responses.Add("default", new YamlMappingNode { { "description", "error" } });
        }

        operation.Add("responses", responses);
        if (random.Next(2) == 0)
        {
            operation.Add("security", new YamlSequenceNode(new YamlMappingNode { { "bearerAuth", new YamlSequenceNode() } }));
        }

        return operation;
    }

    private static YamlNode Schema(Random random, List<string> schemaNames, int depth)
    {
        var choice = random.Next(depth > 3 ? 6 : 11);
        YamlMappingNode schema;
        switch (choice)
        {
            case 0:
                schema = new YamlMappingNode { { "type", "string" } };
                if (random.Next(3) == 0)
                {
                    schema.Add("format", Formats[random.Next(Formats.Length)]);
                }

                break;
            case 1:
                schema = new YamlMappingNode { { "type", "integer" }, { "format", random.Next(2) == 0 ? "int32" : "int64" } };
                break;
            case 2:
                schema = new YamlMappingNode { { "type", "number" } };
                break;
            case 3:
                schema = new YamlMappingNode { { "type", "boolean" } };
                break;
            case 4:
                var values = new YamlSequenceNode();
                for (var i = 1 + random.Next(5); i > 0; i--)
                {
                    values.Add(Name(random) + (random.Next(2) == 0 ? "" : i.ToString(CultureInfo.InvariantCulture)));
                }

                schema = new YamlMappingNode { { "type", "string" }, { "enum", values } };
                break;
            case 5:
                return Ref(schemaNames[random.Next(schemaNames.Count)]);
            case 6:
            case 7:
                schema = new YamlMappingNode { { "type", "array" }, { "items", Schema(random, schemaNames, depth + 1) } };
                break;
            case 8:
                schema = new YamlMappingNode { { "type", "object" }, { "additionalProperties", Schema(random, schemaNames, depth + 1) } };
                break;
            case 9:
                schema = new YamlMappingNode { { random.Next(2) == 0 ? "allOf" : "oneOf", new YamlSequenceNode(Ref(schemaNames[random.Next(schemaNames.Count)]), Schema(random, schemaNames, depth + 1)) } };
                break;
            default:
                var properties = new YamlMappingNode();
                var required = new YamlSequenceNode();
                for (var i = random.Next(6); i >= 0; i--)
                {
                    var name = Name(random) + (random.Next(3) == 0 ? "" : i.ToString(CultureInfo.InvariantCulture));
                    if (properties.Children.ContainsKey(name))
                    {
                        continue;
                    }

                    properties.Add(name, Schema(random, schemaNames, depth + 1));
                    if (random.Next(2) == 0)
                    {
                        required.Add(name);
                    }
                }

                schema = new YamlMappingNode { { "type", "object" }, { "properties", properties } };
                if (required.Children.Count > 0)
                {
                    schema.Add("required", required);
                }

                break;
        }

        if (random.Next(5) == 0)
        {
            schema.Add("nullable", "true");
        }

        if (random.Next(4) == 0)
        {
            schema.Add("description", "A " + Name(random) + ".");
        }

        return schema;
    }

    private static YamlMappingNode Ref(string name) => new() { { "$ref", "#/components/schemas/" + name } };

    private static YamlMappingNode TokenOperation() => new()
    {
        {
            "post", new YamlMappingNode
            {
                { "operationId", "createToken" },
                { "security", new YamlSequenceNode(new YamlMappingNode { { "basicAuth", new YamlSequenceNode() } }) },
                { "parameters", new YamlSequenceNode(new YamlMappingNode { { "name", "grant_type" }, { "in", "query" }, { "required", "true" }, { "schema", new YamlMappingNode { { "type", "string" } } } }) },
                { "responses", new YamlMappingNode { { "200", new YamlMappingNode { { "description", "token" }, { "content", new YamlMappingNode { { "application/json", new YamlMappingNode { { "schema", Ref("TokenResponse") } } } } } } } } },
            }
        },
    };

    private static YamlMappingNode TokenSchema() => new()
    {
        { "type", "object" },
        { "required", new YamlSequenceNode("access_token", "expires_in", "token_type") },
        {
            "properties", new YamlMappingNode
            {
                { "access_token", new YamlMappingNode { { "type", "string" } } },
                { "expires_in", new YamlMappingNode { { "type", "integer" } } },
                { "refresh_token", new YamlMappingNode { { "type", "string" } } },
                { "token_type", new YamlMappingNode { { "type", "string" } } },
            }
        },
    };
}
