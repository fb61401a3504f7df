using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CelerData.Generated.Model;
using CelerData.Generated.Parsing;
using CelerData.Generated.Tests.Infrastructure;

namespace CelerData.Generated.Tests.Wire;

/// <summary>Which arguments a call passes.</summary>
internal enum CallMode
{
    /// <summary>Every argument, bodies with every property.</summary>
    All,

    /// <summary>Required arguments only, bodies with required properties only.</summary>
    RequiredOnly,
}

/// <summary>How Prism answers a call it accepts.</summary>
internal enum AnswerMode
{
    /// <summary>The description's example, or one Prism makes from the schema.</summary>
    Example,

    /// <summary>A random schema-valid body (<c>Prefer: dynamic=true</c>).</summary>
    Dynamic,
}

/// <summary>What one call came to.</summary>
internal enum Outcome
{
    /// <summary>Prism accepted the request and the client read the answer.</summary>
    Read,

    /// <summary>Prism rejected the request: the description does not allow what the client sent.</summary>
    Rejected,

    /// <summary>Prism accepted the request and answered 2xx; the client could not read the answer.</summary>
    NotRead,

    /// <summary>The client threw before a request went out.</summary>
    ClientException,

    /// <summary>A valid argument could not be made from the schema (a pattern the sampler cannot satisfy, say).</summary>
    NotSynthesized,

    /// <summary>Prism accepted the request but its answer breaks the description (an invalid example, say): nothing to read.</summary>
    AnswerInvalid,

    /// <summary>Prism could not judge: it answered neither a validation error nor a response of the description.</summary>
    PrismCannotJudge,

    /// <summary>Prism accepted the request and answered with the description's redirect (3xx), which the test does not follow: nothing to read.</summary>
    Redirected,
}

internal sealed record CallResult(string Method, CallMode Mode, AnswerMode Answer, Outcome Outcome, string Detail)
{
    public bool IsAccepted => Outcome is Outcome.Read or Outcome.NotRead or Outcome.AnswerInvalid or Outcome.Redirected;
}

internal sealed record SpecResult(string Spec, int Operations, int Methods, string? Failure, IReadOnlyList<CallResult> Calls)
{
    /// <summary>The two calls that judge a method's requests: every argument, and required ones only (both answered with the example).</summary>
    private IEnumerable<IGrouping<string, CallResult>> RequestCalls => Calls.Where(c => c.Answer == AnswerMode.Example).GroupBy(c => c.Method);

    /// <summary>Methods whose two requests Prism could judge and whose arguments could be made.</summary>
    public IEnumerable<string> JudgedMethods => RequestCalls
        .Where(g => g.All(c => c.Outcome is not (Outcome.NotSynthesized or Outcome.PrismCannotJudge)))
        .Select(g => g.Key);

    /// <summary>Judged methods whose two requests Prism accepted.</summary>
    public IEnumerable<string> AcceptedMethods => RequestCalls
        .Where(g => g.All(c => c.IsAccepted))
        .Select(g => g.Key);
}

/// <summary>
/// The description as the oracle of the wire: compiles a spec's client, calls every method twice (every argument;
/// required ones only) against Prism validating the same description, and reads what Prism answers.
/// </summary>
internal static class Conformance
{
    public static async Task<SpecResult> RunAsync(CorpusSpec spec)
    {
        var text = spec.Text();
        var parsed = SpecParser.Parse(new SpecInput(spec.Path, text, spec.Namespace, "Api", null), CancellationToken.None);
        var model = parsed.Spec is null ? null : SpecPlanner.Plan(parsed.Spec);
        using var document = JsonDocument.Parse(text);
        var operationCount = CountOperations(document.RootElement);
        if (model is null)
        {
            return new SpecResult(spec.Name, operationCount, 0, "not generated: " + string.Join("; ", parsed.Diagnostics.Select(d => d.ToString()).Take(3)), Array.Empty<CallResult>());
        }

        CompiledClient client;
        try
        {
            client = CompiledClient.Compile(spec.ToSpecFile("Api"));
        }
        catch (Xunit.Sdk.XunitException exception)
        {
            return new SpecResult(spec.Name, operationCount, model.Operations.Count, "does not compile: " + First(exception.Message), Array.Empty<CallResult>());
        }

        using (client)
        {
            var (prism, output) = await PrismServer.StartAsync(spec.Path, TimeSpan.FromSeconds(60));
            if (prism is null)
            {
                return new SpecResult(spec.Name, operationCount, model.Operations.Count, "Prism cannot serve it: " + First(output), Array.Empty<CallResult>());
            }

            var calls = new List<CallResult>();
            // Redirects are not followed: Prism fills a redirect's Location with a sample ("string"), so following it judges
            // a request the client never chose to send.
            var handler = new RecordingHandler(new HttpClientHandler { AllowAutoRedirect = false });
            using var http = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1/"), Timeout = TimeSpan.FromSeconds(30) };
            var sampler = new SchemaSampler(document.RootElement);
            var options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(client.JsonContext, new DefaultJsonTypeInfoResolver()) };
            try
            {
                foreach (var operation in model.Operations)
                {
                    foreach (var (mode, answer) in new[] { (CallMode.All, AnswerMode.Example), (CallMode.All, AnswerMode.Dynamic), (CallMode.RequiredOnly, AnswerMode.Example) })
                    {
                        if (prism.HasExited)
                        {
                            // Prism crashed on the previous request (see PrismCannotJudge): serve the description again.
                            await prism.DisposeAsync();
                            (prism, output) = await PrismServer.StartAsync(spec.Path, TimeSpan.FromSeconds(60));
                            if (prism is null)
                            {
                                return new SpecResult(spec.Name, operationCount, model.Operations.Count, "Prism cannot serve it: " + First(output), calls);
                            }
                        }

                        handler.Target = prism.BaseAddress;
                        var api = CreateApi(client, http);
                        calls.Add(await CallAsync(client, api, prism, handler, sampler, options, document.RootElement, operation, mode, answer));
                    }
                }
            }
            finally
            {
                if (prism is not null)
                {
                    await prism.DisposeAsync();
                }
            }

            return new SpecResult(spec.Name, operationCount, model.Operations.Count, null, calls);
        }
    }

    private static object CreateApi(CompiledClient client, HttpClient http)
        => client.Api(http);

    private static async Task<CallResult> CallAsync(
        CompiledClient client, object api, PrismServer prism, RecordingHandler handler, SchemaSampler sampler, JsonSerializerOptions options,
        JsonElement root, OperationModel operation, CallMode mode, AnswerMode answer)
    {
        CallResult Result(Outcome outcome, string detail) => new(operation.MethodName, mode, answer, outcome, detail);
        var node = root.GetProperty("paths").GetProperty(operation.Path).GetProperty(operation.HttpMethod.ToLowerInvariant());
        var pathItem = root.GetProperty("paths").GetProperty(operation.Path);
        var method = client.ApiInterface.GetMethod(operation.MethodName)!;
        var arguments = new object?[operation.Parameters.Count + 1];
        for (var i = 0; i < operation.Parameters.Count; i++)
        {
            var parameter = operation.Parameters[i];
            if (mode == CallMode.RequiredOnly && !parameter.IsRequired)
            {
                continue;
            }

            var type = method.GetParameters()[i].ParameterType;
            JsonNode? sample;
            var schemaFound = false;
            try
            {
                var schema = parameter.Location switch
                {
                    ParameterLocation.Body => BodySchema(sampler, node, operation.Body),
                    ParameterLocation.Part => PartSchema(sampler, node, parameter.WireName),
                    _ => ParameterSchema(sampler, pathItem, node, parameter),
                };
                // Bodies and parts keep their required properties only; a parameter is one required value in both modes
                // (a required array with no item would be sent as nothing at all).
                var minimal = mode == CallMode.RequiredOnly && parameter.Location is ParameterLocation.Body or ParameterLocation.Part;
                schemaFound = schema is not null;
                sample = schema is { } s ? sampler.Sample(s, minimal) : JsonValue.Create("value");
            }
            catch (SampleException exception)
            {
                return Result(Outcome.NotSynthesized, parameter.WireName + ": " + exception.Message);
            }

            if (Bytes(operation, parameter, type, schemaFound ? sample : null) is { } bytes)
            {
                arguments[i] = bytes;
                continue;
            }

            if (parameter.Location == ParameterLocation.Body && operation.Body is { Kind: BodyKind.Text } && type == typeof(string)
                && sample is not null && sample.GetValueKind() != JsonValueKind.String)
            {
                // A text body (text/plain, application/xml, ...) whose schema is not a string: the caller's text is what
                // the method takes, so the test sends the sample's JSON text, as a caller would.
                arguments[i] = sample.ToJsonString();
                continue;
            }

            try
            {
                arguments[i] = JsonSerializer.Deserialize(sample?.ToJsonString() ?? "null", type, options);
            }
            catch (JsonException exception) when (parameter.Location == ParameterLocation.Body && RequiresReadOnly(sampler, BodySchema(sampler, node, operation.Body)))
            {
                return Result(Outcome.NotSynthesized, "the test makes arguments by reading JSON, and reading " + Name(type) + " requires the read-only properties a request leaves out: " + First(exception.Message));
            }
            catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
            {
                return Result(Outcome.Rejected, "the parameter type " + Name(type) + " cannot hold the valid value " + Short(sample?.ToJsonString()) + ": " + First(exception.Message));
            }
        }

        arguments[^1] = CancellationToken.None;
        handler.Reset(request =>
        {
            Credentials.Apply(root, node, request);
            Credentials.ApplyAuthorizationParameter(sampler, pathItem, node, request);
            if (answer == AnswerMode.Dynamic)
            {
                request.Headers.TryAddWithoutValidation("Prefer", "dynamic=true");
            }
        });
        try
        {
            var task = (Task)method.Invoke(api, arguments)!;
            await task;
            return Result(Outcome.Read, string.Empty);
        }
        catch (Exception exception)
        {
            if (exception is TargetInvocationException { InnerException: { } inner })
            {
                exception = inner;
            }

            var outcome = Classify(operation, node, SharesRoute(root, operation), handler, exception, Result);
            if (handler.Status is null)
            {
                // Prism may be stopping after a crash: let it, so that the next call serves the description again.
                await prism.WaitForExitAsync(TimeSpan.FromSeconds(5));
            }

            return outcome;
        }
    }

    /// <summary>
    /// Whether another operation of the description has the same method and the same path once what follows '#' is cut
    /// off (<c>/Evaluate#overload=stream</c> and <c>/Evaluate#overload=url</c>): Prism routes by path alone, so it may
    /// judge this operation's request by the other's parameters and body.
    /// </summary>
    private static bool SharesRoute(JsonElement root, OperationModel operation)
    {
        static string Route(string path) => path.Split('#')[0];
        var method = operation.HttpMethod.ToLowerInvariant();
        return operation.Path.Contains('#', StringComparison.Ordinal)
            && root.GetProperty("paths").EnumerateObject().Any(p => p.Name != operation.Path && Route(p.Name) == Route(operation.Path)
                && p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty(method, out _));
    }

    private static CallResult Classify(OperationModel operation, JsonElement node, bool sharesRoute, RecordingHandler handler, Exception exception, Func<Outcome, string, CallResult> result)
    {
        var causes = new List<Exception>();
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            causes.Add(cause);
        }

        if (handler.Status is null && causes.Any(c => c is HttpRequestException))
        {
            return result(Outcome.PrismCannotJudge, "no answer: Prism closed the connection or stopped (Prism 5.16 crashes on an absent array or object header, one named with capitals, and some multipart bodies), "
                + causes[^1].GetType().Name + " for " + handler.Request);
        }

        if (handler.Status is null && !causes.Any(c => c is TimeoutException))
        {
            return result(Outcome.ClientException, string.Join(" <- ", causes.Select(c => c.GetType().Name + ": " + First(c.Message))));
        }

        var status = handler.Status;
        if (status is null or (>= 200 and < 300) && causes.Any(c => c is TimeoutException))
        {
            return result(Outcome.PrismCannotJudge, status + ": Prism did not finish its answer within the client's timeout (it makes large dynamic answers slowly); sent " + handler.Request);
        }

        var message = exception.InnerException?.Message ?? exception.Message;
        if (status is >= 200 and < 300 && message.Contains(" format. Path: ", StringComparison.Ordinal) && ValueAt(handler.ResponseBody, message) == "string")
        {
            return result(Outcome.AnswerInvalid, status + ": Prism answered its placeholder \"string\" for a value with a format (" + First(message) + ")");
        }

        if (status is >= 200 and < 300 && message.StartsWith("Cannot decode JSON text that is not encoded as valid Base64", StringComparison.Ordinal)
            && ValueAt(handler.ResponseBody, message) is { } text && !IsBase64(text))
        {
            return result(Outcome.AnswerInvalid, status + ": Prism answered a value that breaks its format, byte (base64): " + Short(text));
        }

        if (status is >= 200 and < 300)
        {
            return result(Outcome.NotRead, exception.GetType().Name + ": " + First(exception.InnerException?.Message ?? exception.Message) + " in " + Short(handler.ResponseBody));
        }

        if (status is >= 300 and < 400 && handler.Violations is null)
        {
            return result(Outcome.Redirected, status + ": the description's redirect, not followed (Prism fills its Location with a sample); sent " + handler.Request);
        }

        var body = handler.ResponseBody ?? string.Empty;
        if (body.Contains("stoplight.io/prism/errors#", StringComparison.Ordinal))
        {
            var kind = body[(body.IndexOf("errors#", StringComparison.Ordinal) + 7)..].Split('"')[0];
            if (kind == "VIOLATIONS" && !Locations(body).Any(l => l != "response"))
            {
                return result(Outcome.AnswerInvalid, status + " " + Reasons(body));
            }

            if (kind is "NO_PATH_MATCHED_ERROR" or "NO_METHOD_MATCHED_ERROR" && operation.Path.Contains('#', StringComparison.Ordinal))
            {
                return result(Outcome.PrismCannotJudge, status + " " + kind + ": Prism routes by path alone and cannot tell apart operations whose paths differ only after '#' (" + operation.Path + "); sent " + handler.Request);
            }

            if (kind == "UNPROCESSABLE_ENTITY" && operation.Body is null && body.Contains("Body parameter is required", StringComparison.Ordinal))
            {
                return result(Outcome.PrismCannotJudge, status + " " + kind + ": the description requires a body under content keys that are not media types (CDG0047), "
                    + "so the client sends none; sent " + handler.Request);
            }

            if (kind is "NO_PATH_MATCHED_ERROR" or "NO_METHOD_MATCHED_ERROR" && operation.Path.Contains('?', StringComparison.Ordinal))
            {
                return result(Outcome.PrismCannotJudge, status + " " + kind + ": Prism routes by the path template as written, so a template with a literal query (" + operation.Path + ") matches no request; sent " + handler.Request);
            }

            if (kind == "UNPROCESSABLE_ENTITY" && Validation(body) is { } listed && Misreading(operation, listed) is { } misreading)
            {
                return result(Outcome.PrismCannotJudge, status + " " + kind + " " + Reasons(body) + ": " + misreading + "; sent " + handler.Request);
            }

            if (kind is "UNPROCESSABLE_ENTITY" or "VIOLATIONS" && operation.Body is { Kind: BodyKind.Binary or BodyKind.Text }
                && Locations(body).ToList() is { Count: > 0 } locations && locations.All(l => l == "body"))
            {
                return result(Outcome.PrismCannotJudge, status + " " + kind + " " + Reasons(body) + ": " + TextBodyHeldToSchema(operation.Body) + "; sent " + handler.Request);
            }

            if (kind == "UNPROCESSABLE_ENTITY" && operation.Path.Contains("}{", StringComparison.Ordinal) && Locations(body).ToList() is { Count: > 0 } pathLocations
                && pathLocations.All(l => l == "path"))
            {
                return result(Outcome.PrismCannotJudge, status + " " + kind + " " + Reasons(body) + ": Prism cannot split a path segment with two parameters side by side ("
                    + operation.Path + "), so it finds neither; sent " + handler.Request);
            }

            if (sharesRoute && kind is "UNPROCESSABLE_ENTITY" or "INVALID_CONTENT_TYPE" or "VIOLATIONS")
            {
                return result(Outcome.PrismCannotJudge, status + " " + kind + " " + Reasons(body) + ": " + SharedRouteReason(operation) + "; sent " + handler.Request);
            }

            if (kind is "UNPROCESSABLE_ENTITY" or "UNAUTHORIZED" or "NO_PATH_MATCHED_ERROR" or "NO_METHOD_MATCHED_ERROR" or "INVALID_CONTENT_TYPE" or "VIOLATIONS")
            {
                return result(Outcome.Rejected, status + " " + kind + " " + Reasons(body) + " for " + handler.Request);
            }

            return result(Outcome.PrismCannotJudge, status + " " + kind + " " + Short(body));
        }

        // The description's own error response, chosen by Prism for an invalid request (its reasons in sl-violations), or
        // the only response of an operation that declares no success.
        var successes = node.TryGetProperty("responses", out var responses) && responses.ValueKind == JsonValueKind.Object
            && responses.EnumerateObject().Any(r => r.Name.StartsWith('2') || r.Name == "default");
        if (handler.Violations is null && !successes)
        {
            return result(Outcome.PrismCannotJudge, status + ": the description declares no success response, so Prism answers with the error response it does declare");
        }

        if (handler.Violations is { } bytes && operation.Body is { Kind: BodyKind.Binary or BodyKind.Text } && BodyOnly(bytes))
        {
            return result(Outcome.PrismCannotJudge, status + " " + Reasons("{\"validation\":" + bytes + "}") + ": " + TextBodyHeldToSchema(operation.Body) + "; sent " + handler.Request);
        }

        if (handler.Violations is { } reported && Misreading(operation, reported) is { } misread)
        {
            return result(Outcome.PrismCannotJudge, status + " " + Reasons("{\"validation\":" + reported + "}") + ": " + misread + "; sent " + handler.Request);
        }

        if (sharesRoute && status is 400 or 415 or 422)
        {
            return result(Outcome.PrismCannotJudge, status + " " + (handler.Violations is { } shared ? Reasons("{\"validation\":" + shared + "}") + ": " : string.Empty) + SharedRouteReason(operation) + "; sent " + handler.Request);
        }

        return status is 400 or 401 or 403 or 404 or 405 or 415 or 422
            ? result(Outcome.Rejected, status + " (the description's error response) " + (handler.Violations is { } violations ? Reasons("{\"validation\":" + violations + "}") + " " : string.Empty) + "for " + handler.Request)
            : result(Outcome.PrismCannotJudge, status + " " + Short(body));
    }

    /// <summary>
    /// Why Prism's verdict on a body sent as the caller's bytes or text does not count: Prism reads a body in a media type
    /// other than JSON, a form or multipart as text and holds that text to the schema (an object schema on
    /// <c>application/octet-stream</c> or <c>text/plain</c> is an oversight of the description).
    /// </summary>
    private static string TextBodyHeldToSchema(BodyModel body)
        => "Prism reads a body in a media type other than JSON, a form or multipart (" + body.MediaType
            + ") as text and holds that text to the schema; the client sends the caller's " + (body.Kind == BodyKind.Text ? "text as it is" : "bytes as they are");

    /// <summary>Whether every violation Prism reports is about the request body.</summary>
    private static bool BodyOnly(string violations)
        => EveryViolation(violations, (location, _) => location.StartsWith("request.body", StringComparison.Ordinal));

    /// <summary>Whether <paramref name="text"/> is base64 as OpenAPI's format byte means it (RFC 4648, padded).</summary>
    private static bool IsBase64(string text) => text.Length % 4 == 0 && Convert.TryFromBase64String(text, new byte[text.Length], out _);

    /// <summary>The string at the JSON path a System.Text.Json failure names (<c>Path: $.a.b[0].c</c>) in <paramref name="body"/>; null when there is none.</summary>
    private static string? ValueAt(string? body, string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, @"Path: \$(\S*) \|");
        if (body is null || !match.Success)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var current = document.RootElement;
            foreach (System.Text.RegularExpressions.Match step in System.Text.RegularExpressions.Regex.Matches(match.Groups[1].Value, @"\.([^.\[]+)|\[(\d+)\]"))
            {
                if (step.Groups[1].Success)
                {
                    if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(step.Groups[1].Value, out current))
                    {
                        return null;
                    }
                }
                else
                {
                    var index = int.Parse(step.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                    {
                        return null;
                    }

                    current = current[index];
                }
            }

            return current.ValueKind == JsonValueKind.String ? current.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Why Prism's violations do not count when every one of them is one of its known misreadings (the same whether Prism
    /// reports them in its own problem or with the description's error response); null otherwise. The four patterns
    /// name disjoint locations and messages, so their order does not matter.
    /// </summary>
    private static string? Misreading(OperationModel operation, string violations)
        => IgnoredHeadersOnly(violations) ? IgnoredHeadersReason
            : operation.Body is { Kind: BodyKind.Multipart or BodyKind.Form } && PartsReadAsTextOnly(violations) ? PartsReadAsTextReason
            : BracketNamesOnly(violations) ? BracketNamesReason
            : SingleNullableArrayItemsOnly(violations) ? SingleNullableArrayItemReason
            : operation.Body is { Kind: BodyKind.Text, MediaType: "application/x-www-form-urlencoded" } && FormStringOnly(violations) ? FormStringReason
            : null;

    private const string FormStringReason = "Prism parses a form body into an object and holds it to the body's schema, which here is a string: "
        + "the encoded form the caller writes (and it validates a header parameter named Content-Type, which OpenAPI says to ignore)";

    /// <summary>Whether every violation is the form body read as an object where the schema says string, or an ignored header.</summary>
    private static bool FormStringOnly(string violations)
        => EveryViolation(violations, (location, message) => IsIgnoredHeader(location, message)
            || ((location == "body" || location == "request.body") && message.EndsWith("must be string", StringComparison.Ordinal)));

    private static string SharedRouteReason(OperationModel operation)
        => "Prism routes by path alone, and another operation's path differs from " + operation.Path + " only after '#', so Prism may have judged the request by that operation";

    private const string PartsReadAsTextReason = "Prism reads each part of a multipart body and each pair of a form as text: a part or pair holding JSON "
        + "is no object to it, and an array, sent as one part or pair per item (name=a&name=b, OpenAPI's default for a form), is no array to it";

    /// <summary>Whether every violation is a body property Prism wanted as an array or an object: its reading of multipart parts and form pairs.</summary>
    private static bool PartsReadAsTextOnly(string violations)
        => EveryViolation(violations, (location, message) => (location.StartsWith("request.body.", StringComparison.Ordinal) || location.StartsWith("body.", StringComparison.Ordinal))
            && (message.EndsWith("must be array", StringComparison.Ordinal) || message.EndsWith("must be object", StringComparison.Ordinal)));

    private const string BracketNamesReason = "Prism looks for a query parameter whose name has brackets (filter[status]) under its percent-encoded, lower-cased name "
        + "(filter%5bstatus%5d), which it finds neither when the brackets are sent as written nor percent-encoded (%5B)";

    /// <summary>Whether every violation is Prism missing a required query parameter by the encoded name it makes of a name with brackets.</summary>
    private static bool BracketNamesOnly(string violations)
        => EveryViolation(violations, (_, message) => message.StartsWith("Request query must have required property '", StringComparison.Ordinal)
            && (message.Contains("%5b", StringComparison.Ordinal) || message.Contains("%5d", StringComparison.Ordinal)));

    private const string SingleNullableArrayItemReason = "Prism reads a query array parameter that is also nullable (type [array, null] once converted), "
        + "sent with one item (name=value), as a string, not as an array of one";

    /// <summary>Whether every violation is a query parameter Prism wanted as "array,null": its reading of one item of a nullable array.</summary>
    private static bool SingleNullableArrayItemsOnly(string violations)
        => EveryViolation(violations, (location, message) => ("." + location + ".").Contains(".query.", StringComparison.Ordinal)
            && message.EndsWith("must be array,null", StringComparison.Ordinal));

    private const string IgnoredHeadersReason = "Prism validates a header parameter named Accept, Content-Type or Authorization, "
        + "which OpenAPI says to ignore (the media type and the security schemes decide those headers)";

    /// <summary>The <c>validation</c> array of a Prism problem body, as JSON text; null when it has none.</summary>
    private static string? Validation(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("validation", out var validation) && validation.ValueKind == JsonValueKind.Array ? validation.GetRawText() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether every violation names a header parameter OpenAPI says to ignore.</summary>
    private static bool IgnoredHeadersOnly(string violations) => EveryViolation(violations, IsIgnoredHeader);

    /// <summary>Whether a violation is of a header parameter named Accept, Content-Type or Authorization.</summary>
    private static bool IsIgnoredHeader(string location, string message)
        // Locations start with request.header in the description's error response, with header in Prism's own problem.
        => (location.StartsWith("request.header", StringComparison.Ordinal) || location.StartsWith("header", StringComparison.Ordinal))
            && new[] { "accept", "content-type", "authorization" }.Any(h => location == "request.header." + h || location == "header." + h || message.Contains("'" + h + "'", StringComparison.Ordinal));

    /// <summary>One of Prism's violations: its location's parts and its message, empty where Prism gives none.</summary>
    private static (string[] Location, string Message) Violation(JsonElement violation)
    {
        var location = violation.ValueKind == JsonValueKind.Object && violation.TryGetProperty("location", out var parts) && parts.ValueKind == JsonValueKind.Array
            ? parts.EnumerateArray().Select(p => p.ToString()).ToArray()
            : System.Array.Empty<string>();
        var message = violation.ValueKind == JsonValueKind.Object && violation.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()!
            : string.Empty;
        return (location, message);
    }

    /// <summary>Whether a list of Prism's violations (JSON) has any, and every one fits <paramref name="fits"/> (its location joined by dots, and message).</summary>
    private static bool EveryViolation(string violations, Func<string, string, bool> fits)
    {
        try
        {
            using var list = JsonDocument.Parse(violations);
            if (list.RootElement.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var items = list.RootElement.EnumerateArray()
                .Select(Violation)
                .Select(v => (Location: string.Join(".", v.Location), v.Message))
                .ToList();
            return items.Count > 0 && items.All(v => fits(v.Location, v.Message));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether a body schema requires a property it marks read-only (required of responses only, by OpenAPI's rules).</summary>
    private static bool RequiresReadOnly(SchemaSampler sampler, JsonElement? schema)
    {
        if (schema is not { } body)
        {
            return false;
        }

        var resolved = sampler.Resolve(body);
        return resolved.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array
            && resolved.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && required.EnumerateArray().Any(name => name.GetString() is { } n && properties.TryGetProperty(n, out var property)
                && sampler.Resolve(property).TryGetProperty("readOnly", out var flag) && flag.ValueKind == JsonValueKind.True);
    }

    /// <summary>Where Prism's validation errors are: the first element of each location (path, query, header, body, response).</summary>
    private static IEnumerable<string> Locations(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("validation", out var validation) && validation.ValueKind == JsonValueKind.Array
                ? validation.EnumerateArray().Select(v => Violation(v).Location.FirstOrDefault() ?? string.Empty).ToList()
                : new List<string>();
        }
        catch (JsonException)
        {
            return new List<string>();
        }
    }

    private static string Reasons(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.TryGetProperty("validation", out var validation) && validation.ValueKind == JsonValueKind.Array)
            {
                return string.Join("; ", validation.EnumerateArray().Select(Violation).Select(v => string.Join(".", v.Location) + " " + v.Message));
            }

            return problem.RootElement.TryGetProperty("detail", out var detail) ? First(detail.ToString()) : string.Empty;
        }
        catch (JsonException)
        {
            return Short(body);
        }
    }

    /// <summary>
    /// The bytes a caller passes for a body or part the client sends as it is: a <c>Stream</c> body, a file part
    /// (<c>Refit.MultipartItem</c>) or an array of them; null for anything made from a schema. A <c>Stream</c> body
    /// whose media type has a schema (YAML of an object, say) carries the JSON text of a sample, which YAML reads too.
    /// </summary>
    private static object? Bytes(OperationModel operation, ParameterModel parameter, System.Type type, JsonNode? sample)
    {
        static MemoryStream Content() => new(Encoding.ASCII.GetBytes("conformance bytes"));
        if (type == typeof(Stream))
        {
            return sample is null ? Content() : new MemoryStream(Encoding.UTF8.GetBytes(sample.ToJsonString()));
        }

        var part = parameter.Location == ParameterLocation.Part ? operation.Body?.Parts.FirstOrDefault(p => p.ParameterName == parameter.Name) : null;
        return part?.Kind switch
        {
            PartKind.File => new Refit.StreamPart(Content(), "file.bin", "application/octet-stream"),
            PartKind.Files => new Refit.MultipartItem[] { new Refit.StreamPart(Content(), "file.bin", "application/octet-stream") },
            _ => null,
        };
    }

    /// <summary>The schema of the body the client sends: the media type the generator chose (JSON, a form, text).</summary>
    private static JsonElement? BodySchema(SchemaSampler sampler, JsonElement operation, BodyModel? model)
    {
        var body = sampler.Resolve(operation.GetProperty("requestBody"));
        foreach (var media in body.GetProperty("content").EnumerateObject())
        {
            var type = media.Name.Split(';')[0].Trim().ToLowerInvariant();
            var chosen = model is null || model.Kind == BodyKind.Json
                ? type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal) || type == "*/*" || type == "application/*"
                : type == model.MediaType.ToLowerInvariant();
            if (chosen)
            {
                return media.Value.TryGetProperty("schema", out var schema) ? schema : null;
            }
        }

        return null;
    }

    /// <summary>The schema of one property of a multipart body.</summary>
    private static JsonElement? PartSchema(SchemaSampler sampler, JsonElement operation, string name)
    {
        var body = sampler.Resolve(operation.GetProperty("requestBody"));
        foreach (var media in body.GetProperty("content").EnumerateObject())
        {
            if (media.Name.Split(';')[0].Trim().Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) && media.Value.TryGetProperty("schema", out var schema)
                && sampler.Resolve(schema).TryGetProperty("properties", out var properties) && properties.TryGetProperty(name, out var property))
            {
                return property;
            }
        }

        return null;
    }

    private static JsonElement? ParameterSchema(SchemaSampler sampler, JsonElement pathItem, JsonElement operation, ParameterModel parameter)
    {
        var location = parameter.Location.ToString().ToLowerInvariant();
        foreach (var owner in new[] { operation, pathItem })
        {
            if (!owner.TryGetProperty("parameters", out var list))
            {
                continue;
            }

            foreach (var item in list.EnumerateArray())
            {
                var resolved = sampler.Resolve(item);
                if (resolved.GetProperty("name").GetString() == parameter.WireName && resolved.GetProperty("in").GetString() == location)
                {
                    return resolved.TryGetProperty("schema", out var schema) ? schema : null;
                }
            }
        }

        return null;
    }

    private static int CountOperations(JsonElement root)
    {
        var methods = new[] { "get", "put", "post", "delete", "options", "head", "patch", "trace" };
        return root.TryGetProperty("paths", out var paths)
            ? paths.EnumerateObject().Sum(p => p.Value.ValueKind == JsonValueKind.Object ? p.Value.EnumerateObject().Count(m => methods.Contains(m.Name)) : 0)
            : 0;
    }

    private static string Name(System.Type type)
        => type.IsGenericType ? type.Name.Split('`')[0] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">" : type.Name;

    public static string First(string text) => Short(text.Split('\n')[0]);

    public static string Short(string? text) => text is null ? "(nothing)" : text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>Records the last exchange and lets the test prepare each request (credentials, Prefer).</summary>
    private sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private Action<HttpRequestMessage>? _prepare;

        public int? Status { get; private set; }

        public string? ResponseBody { get; private set; }

        /// <summary>Prism's reasons for refusing the request when it answers with the description's own error response (its <c>sl-violations</c> header).</summary>
        public string? Violations { get; private set; }

        public string Request { get; private set; } = string.Empty;

        /// <summary>The Prism server requests go to (it changes when Prism is restarted).</summary>
        public Uri Target { get; set; } = new("http://127.0.0.1/");

        public void Reset(Action<HttpRequestMessage> prepare)
        {
            _prepare = prepare;
            Status = null;
            ResponseBody = null;
            Violations = null;
            Request = string.Empty;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new Uri(Target, request.RequestUri!.IsAbsoluteUri ? request.RequestUri.PathAndQuery : request.RequestUri.OriginalString);
            _prepare?.Invoke(request);
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            if (body is not null)
            {
                var content = new StringContent(body, Encoding.UTF8);
                content.Headers.Clear();
                foreach (var header in request.Content!.Headers)
                {
                    content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                request.Content = content;
            }

            Request = request.Method + " " + request.RequestUri!.PathAndQuery + (body is null ? string.Empty : " " + Short(body));
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            Status = (int)response.StatusCode;
            Violations = response.Headers.TryGetValues("sl-violations", out var violations) ? string.Join(" ", violations) : null;
            ResponseBody = await response.Content.ReadAsStringAsync(cancellationToken);
            return response;
        }
    }

    /// <summary>Credentials for the first security requirement of an operation, as the runtime would send them.</summary>
    private static class Credentials
    {
        /// <summary>
        /// A header parameter named Authorization, which OpenAPI says to ignore (credentials are the security schemes' and
        /// the client's handlers' to send) and the generator leaves out, but Prism requires: a bearer token, as a client
        /// configured with one would send.
        /// </summary>
        public static void ApplyAuthorizationParameter(SchemaSampler sampler, JsonElement pathItem, JsonElement operation, HttpRequestMessage request)
        {
            var declared = new[] { operation, pathItem }
                .Where(owner => owner.TryGetProperty("parameters", out _))
                .SelectMany(owner => owner.GetProperty("parameters").EnumerateArray().Select(sampler.Resolve))
                .Any(p => p.TryGetProperty("in", out var place) && place.GetString() == "header"
                    && p.TryGetProperty("name", out var name) && string.Equals(name.GetString(), "Authorization", StringComparison.OrdinalIgnoreCase));
            if (declared && request.Headers.Authorization is null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer token");
            }
        }

        public static void Apply(JsonElement root, JsonElement operation, HttpRequestMessage request)
        {
            var requirements = operation.TryGetProperty("security", out var own) ? own : root.TryGetProperty("security", out var global) ? global : default;
            if (requirements.ValueKind != JsonValueKind.Array || requirements.GetArrayLength() == 0)
            {
                return;
            }

            var schemes = root.TryGetProperty("components", out var components) && components.TryGetProperty("securitySchemes", out var s) ? s : default;
            foreach (var name in requirements[0].EnumerateObject().Select(r => r.Name))
            {
                if (schemes.ValueKind != JsonValueKind.Object || !schemes.TryGetProperty(name, out var scheme))
                {
                    continue;
                }

                var type = scheme.TryGetProperty("type", out var t) ? t.GetString() : null;
                var http = scheme.TryGetProperty("scheme", out var h) ? h.GetString()?.ToLowerInvariant() : null;
                if (type == "http" && http == "basic")
                {
                    request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpzZWNyZXQ=");
                }
                else if (type is "http" or "oauth2" or "openIdConnect")
                {
                    request.Headers.TryAddWithoutValidation("Authorization", "Bearer token");
                }
                else if (type == "apiKey")
                {
                    var key = scheme.GetProperty("name").GetString()!;
                    switch (scheme.GetProperty("in").GetString())
                    {
                        case "header":
                            request.Headers.TryAddWithoutValidation(key, "key");
                            break;
                        case "query":
                            var uri = request.RequestUri!;
                            request.RequestUri = new Uri(uri.OriginalString + (uri.OriginalString.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Uri.EscapeDataString(key) + "=key", UriKind.RelativeOrAbsolute);
                            break;
                        case "cookie":
                            request.Headers.TryAddWithoutValidation("Cookie", key + "=key");
                            break;
                    }
                }
            }
        }
    }
}
