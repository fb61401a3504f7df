using System;
using System.Linq;
using CelerData.Generated.Emitting;
using CelerData.Generated.Model;
using CelerData.Generated.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CelerData.Generated;

/// <summary>
/// Turns each OpenAPI spec declared as a <c>CelerDataSpec</c> item into a complete Refit client: models,
/// interface, implementation, System.Text.Json context and DI registration, all in one build.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CelerDataGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specInputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => SpecInputReader.Read(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .WithTrackingName(TrackingNames.SpecInputs);

        var parsed = specInputs
            .Select(static (input, cancellationToken) => SafeParse(input!, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        var parsedSpecs = parsed
            .Select(static (result, _) => result.Spec)
            .Where(static spec => spec is not null)
            .WithTrackingName(TrackingNames.ParsedSpecs);

        // Planning reads only what the readers found: a change that leaves that equal leaves the plan cached.
        var planned = parsedSpecs
            .Select(static (spec, cancellationToken) => SafePlan(spec!, cancellationToken))
            .WithTrackingName(TrackingNames.Plan);

        var models = planned
            .Select(static (result, _) => result.Model)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.Models);

        var clientKeys = models
            .Select(static (model, _) => new ClientKey(ClientKeyOf(model!), model!.SpecPath))
            .Collect()
            .Select(static (keys, _) => keys.OrderBy(k => k.SpecPath, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.ClientKeys);

        var capabilities = context.CompilationProvider
            .Combine(context.ParseOptionsProvider)
            .Select(static (pair, _) => ReadCapabilities(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Capabilities);

        // Each model keeps only the one fact it needs from the other specs: which spec owns its client name. Adding or
        // editing another spec then leaves this spec's input equal, and its output cached.
        var owned = models
            .Combine(clientKeys)
            .Select(static (pair, _) => new OwnedModel(pair.Left!, OwnerOf(pair.Left!, pair.Right)))
            .WithTrackingName(TrackingNames.ClientOwners);

        var helpersClass = context.CompilationProvider
            .Select(static (compilation, _) => JsonContextEmitter.HelpersClass(compilation.AssemblyName ?? string.Empty))
            .WithTrackingName(TrackingNames.HelpersClass);

        var emitInputs = owned
            .Combine(capabilities)
            .Combine(helpersClass)
            .Select(static (pair, _) => new EmitInput(pair.Left.Left.Model, pair.Left.Left.OwnerSpecPath, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.EmitInputs);

        // The JSON helpers every context of the compilation shares: written once when some context is (a spec parsed
        // and the project able to compile the client), with the name the contexts import.
        var jsonHelpers = models
            .Collect()
            .Select(static (all, _) => all.Length > 0)
            .Combine(capabilities)
            .Combine(helpersClass)
            .Select(static (pair, _) => pair.Left.Left && pair.Left.Right.Missing() is null ? pair.Right : null)
            .WithTrackingName(TrackingNames.JsonHelpers);

        context.RegisterSourceOutput(diagnostics, static (production, items) =>
        {
            foreach (var item in items)
            {
                production.ReportDiagnostic(ToDiagnostic(item));
            }
        });

        context.RegisterSourceOutput(planned, static (production, result) =>
        {
            if (result.Failure is not null)
            {
                production.ReportDiagnostic(ToDiagnostic(result.Failure));
            }
        });

        context.RegisterSourceOutput(emitInputs, static (production, input) => Emit(production, input));
        context.RegisterSourceOutput(jsonHelpers, static (production, name) =>
        {
            if (name is not null)
            {
                production.AddSource(JsonContextEmitter.HelpersHintName, SourceText.From(JsonContextEmitter.EmitHelpers(name), System.Text.Encoding.UTF8));
            }
        });
    }

    private static ParseResult SafeParse(SpecInput input, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return SpecParser.Parse(input, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug of ours must never take the compiler down (CS8785); it becomes a located error instead.
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, SpecLocation.FileStart(input.Path), exception.GetType().Name + ": " + exception.Message);
            return new ParseResult(null, new[] { diagnostic }.ToEquatableArray());
        }
    }

    private static PlanResult SafePlan(ParsedSpec spec, System.Threading.CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return new PlanResult(SpecPlanner.Plan(spec), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // As in parsing: a planner's bug is a located error, never a compiler crash (CS8785).
            return new PlanResult(null, DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, SpecLocation.FileStart(spec.SpecPath), exception.GetType().Name + ": " + exception.Message));
        }
    }

    private static string ClientKeyOf(SpecModel model) => model.Namespace + "." + model.ClientName;

    /// <summary>The spec that owns the model's client name: the first by path among those that generate it.</summary>
    private static string OwnerOf(SpecModel model, EquatableArray<ClientKey> keys)
    {
        var key = ClientKeyOf(model);
        return keys.First(k => k.Key == key).SpecPath;
    }

    private static ProjectCapabilities ReadCapabilities(Compilation compilation, ParseOptions parseOptions)
        => new(
            HasRefit: compilation.GetTypeByMetadataName("Refit.GeneratedRequestRunner") is not null,
            HasModernFramework: compilation.GetTypeByMetadataName("System.Net.Http.HttpRequestOptionsKey`1") is not null
                && compilation.GetTypeByMetadataName("System.DateOnly") is not null
                && compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ModuleInitializerAttribute") is not null,
            HasCSharp11: parseOptions is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp11,
            HasRuntime: compilation.GetTypeByMetadataName(RegistrationEmitter.RuntimeMarkerType) is not null);

    private static void Emit(SourceProductionContext production, EmitInput input)
    {
        var model = input.Model;
        if (input.Capabilities.Missing() is { } missing)
        {
            production.ReportDiagnostic(ToDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.MissingPrerequisite, SpecLocation.FileStart(model.SpecPath), missing)));
            return;
        }

        var key = ClientKeyOf(model);
        if (input.OwnerSpecPath != model.SpecPath)
        {
            production.ReportDiagnostic(ToDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateClient, SpecLocation.FileStart(model.SpecPath), input.OwnerSpecPath, model.SpecPath, key)));
            return;
        }

        if (!input.Capabilities.HasRuntime && model.Operations.Any(o => o.Envelope is not null))
        {
            // The unwrapped methods throw the runtime's typed exceptions; without it they keep the envelope types.
            production.ReportDiagnostic(ToDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.EnvelopeNeedsRuntime, SpecLocation.FileStart(model.SpecPath))));
            model = model with { Operations = model.Operations.Select(o => o with { Envelope = null }).ToEquatableArray() };
        }

        try
        {
            var prefix = key + ".";
            production.AddSource(prefix + "Models.g.cs", SourceText.From(ModelsEmitter.Emit(model), System.Text.Encoding.UTF8));
            production.AddSource(prefix + "Api.g.cs", SourceText.From(ApiInterfaceEmitter.Emit(model), System.Text.Encoding.UTF8));
            production.AddSource(prefix + "Implementation.g.cs", SourceText.From(ImplementationEmitter.Emit(model), System.Text.Encoding.UTF8));
            production.AddSource(prefix + "JsonContext.g.cs", SourceText.From(JsonContextEmitter.Emit(model, input.HelpersClass), System.Text.Encoding.UTF8));
            if (input.Capabilities.HasRuntime)
            {
                production.AddSource(prefix + "Registration.g.cs", SourceText.From(RegistrationEmitter.Emit(model), System.Text.Encoding.UTF8));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            production.ReportDiagnostic(ToDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, SpecLocation.FileStart(model.SpecPath), exception.GetType().Name + ": " + exception.Message)));
        }
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var location = info.Location;
        var span = new TextSpan(location.Start, Math.Max(0, location.End - location.Start));
        var lines = new LinePositionSpan(new LinePosition(location.StartLine, location.StartColumn), new LinePosition(location.EndLine, location.EndColumn));
        return Diagnostic.Create(info.Descriptor, Location.Create(location.Path, span, lines), info.Arguments.Cast<object>().ToArray());
    }
}

/// <summary>Which spec owns a namespace-qualified client name.</summary>
internal sealed record ClientKey(string Key, string SpecPath);

/// <summary>A spec's model and the spec that owns its client name (itself, unless another spec generates the same client).</summary>
internal sealed record OwnedModel(SpecModel Model, string OwnerSpecPath);

/// <summary>Everything one spec's output depends on.</summary>
internal sealed record EmitInput(SpecModel Model, string OwnerSpecPath, ProjectCapabilities Capabilities, string HelpersClass);
