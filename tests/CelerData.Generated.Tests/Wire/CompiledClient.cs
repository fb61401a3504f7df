using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CelerData.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CelerData.Generated.Tests.Wire;

/// <summary>
/// A client generated from a spec, compiled in-process with zero warnings and loaded into its own collectible
/// load context, so a test can use the types a user would get (through reflection: the test is not trimmed).
/// </summary>
internal sealed class CompiledClient : IDisposable
{
    /// <summary>The language version and the symbols of the target framework the tests run on, as a build defines them.</summary>
    public static readonly Microsoft.CodeAnalysis.CSharp.CSharpParseOptions ParseOptions = GeneratorHarness.ParseOptions.WithPreprocessorSymbols(
        "NET", "NETCOREAPP", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER", "NET10_0");

    private readonly AssemblyLoadContext _context;

    private CompiledClient(AssemblyLoadContext context, Assembly assembly, string ns, GenerationResult generation)
    {
        _context = context;
        Assembly = assembly;
        Namespace = ns;
        Generation = generation;
    }

    public Assembly Assembly { get; }

    public string Namespace { get; }

    public GenerationResult Generation { get; }

    /// <summary>The generated <c>{ClientName}JsonContext.Default</c>.</summary>
    public JsonSerializerContext JsonContext
        => (JsonSerializerContext)Assembly.GetTypes().Single(t => typeof(JsonSerializerContext).IsAssignableFrom(t))
            .GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>The generated <c>I{ClientName}Api</c>.</summary>
    public System.Type ApiInterface => Assembly.GetTypes().Single(t => t.IsInterface && t.Namespace == Namespace && t.Name.EndsWith("Api", StringComparison.Ordinal));

    /// <summary>The generated <c>I{ClientName}Api</c> over <paramref name="http"/> through Refit's <c>RestService.ForGenerated</c> with <see cref="JsonContext"/> (no reflection-based Refit).</summary>
    public object Api(HttpClient http)
    {
        var factory = typeof(Refit.RestService).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == "ForGenerated" && m.IsGenericMethodDefinition && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(new[] { typeof(HttpClient), typeof(JsonSerializerContext) }));
        return factory.MakeGenericMethod(ApiInterface).Invoke(null, new object[] { http, JsonContext })!;
    }

    /// <summary>Generates and compiles a spec's client; fails the test on any generator error or compiler warning.</summary>
    public static CompiledClient Compile(SpecFile spec)
    {
        var generation = GeneratorHarness.Run(GeneratorHarness.References, ParseOptions, spec);
        var errors = generation.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, spec.Path + ": " + string.Join("\n", errors));
        return Load(generation, spec.Namespace ?? "Consumer");
    }

    /// <summary>Compiles the generator's output and loads it; fails the test on any compiler error or warning.</summary>
    public static CompiledClient Load(GenerationResult generation, string ns)
    {
        var problems = generation.CompilationProblems();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        var name = "Compiled_" + Guid.NewGuid().ToString("N");
        using var stream = new MemoryStream();
        var emitted = generation.Output.WithAssemblyName(name).Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Take(20)));
        stream.Position = 0;
        var context = new AssemblyLoadContext(name, isCollectible: true);
        var assembly = context.LoadFromStream(stream);
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        return new CompiledClient(context, assembly, ns, generation);
    }

    /// <summary>A generated type by its simple name.</summary>
    public System.Type Type(string name) => Assembly.GetType(Namespace + "." + name, throwOnError: true)!;

    /// <summary>The generated metadata for a type.</summary>
    public JsonTypeInfo Info(System.Type type) => JsonContext.Options.GetTypeInfo(type);

    /// <summary>Reads JSON through the generated metadata.</summary>
    public object? Read(string json, System.Type type) => JsonSerializer.Deserialize(json, Info(type));

    /// <summary>Writes a value through the generated metadata, on its fast path and on its metadata path, which must agree.</summary>
    public string Write(object? value, System.Type type)
    {
        var fast = JsonSerializer.Serialize(value, Info(type));
        var metadata = JsonSerializer.Serialize(value, MetadataOnly.For(Info(type)));
        Assert.Equal(fast, metadata);
        return fast;
    }

    /// <summary>Creates a generated record with the given properties set through their init accessors.</summary>
    public object Create(string typeName, IReadOnlyDictionary<string, object?> properties)
    {
        var type = Type(typeName);
        var value = Activator.CreateInstance(type)!;
        foreach (var (property, propertyValue) in properties)
        {
            type.GetProperty(property)!.SetValue(value, propertyValue);
        }

        return value;
    }

    public void Dispose() => _context.Unload();
}
