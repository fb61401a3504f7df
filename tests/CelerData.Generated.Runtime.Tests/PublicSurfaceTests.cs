using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using CelerData.Generated.Runtime;
using Xunit;

namespace CelerData.Generated.Runtime.Tests;

/// <summary>
/// Issue 13: only the types users need are public. The runtime's public surface (every exported type with its public
/// and protected members) is kept in <c>PublicSurface.txt</c> beside this file; a type or member made public, or one
/// removed, fails here until the file is accepted again on purpose (<c>CDG_ACCEPT_SURFACE=1</c>), so the change shows
/// in review. Handlers, the token cache's internals and the pipeline builder stay internal.
/// </summary>
public sealed class PublicSurfaceTests
{
    [Fact]
    public void TheRuntimesPublicSurfaceIsTheRecordedOne()
    {
        var actual = Surface(typeof(CelerDataClientOptions).Assembly);
        if (Environment.GetEnvironmentVariable("CDG_ACCEPT_SURFACE") == "1")
        {
            // The source path as compiled (a CI build maps it to /_/, where there is nothing to write).
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(SourceFile())!, "PublicSurface.txt"), actual);
            return;
        }

        // Compiled in as a resource, so that the test reads the recorded surface wherever it runs.
        using var stream = typeof(PublicSurfaceTests).Assembly.GetManifestResourceStream("PublicSurface.txt");
        Assert.True(stream is not null, "PublicSurface.txt is missing: run the test with CDG_ACCEPT_SURFACE=1 and review it.");
        using var reader = new StreamReader(stream);
        var expected = reader.ReadToEnd().ReplaceLineEndings("\n");
        var added = Lines(actual).Except(Lines(expected)).ToList();
        var removed = Lines(expected).Except(Lines(actual)).ToList();
        Assert.True(
            added.Count == 0 && removed.Count == 0,
            "The runtime's public surface changed (accept with CDG_ACCEPT_SURFACE=1 after review).\nNow public:\n  "
                + string.Join("\n  ", added) + "\nNo longer public:\n  " + string.Join("\n  ", removed));
    }

    [Fact]
    public void NoHandlerIsPublic()
    {
        var handlers = typeof(CelerDataClientOptions).Assembly.GetExportedTypes()
            .Where(t => typeof(System.Net.Http.HttpMessageHandler).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(handlers);
    }

    /// <summary>One line per exported type and per public or protected member, sorted: a stable text to compare.</summary>
    internal static string Surface(Assembly assembly)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            lines.Add(Kind(type) + " " + type.FullName);
            foreach (var member in type.GetMembers(Declared))
            {
                if (Visible(member) is { } visibility && !IsAccessor(member))
                {
                    lines.Add(type.FullName + " :: " + visibility + " " + Describe(member));
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines) + "\n";
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Kind(Type type)
        => type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct"
            : typeof(Delegate).IsAssignableFrom(type) ? "delegate" : type.IsAbstract && type.IsSealed ? "static class"
            : type.IsSealed ? "sealed class" : type.IsAbstract ? "abstract class" : "class";

    private static string? Visible(MemberInfo member) => member switch
    {
        MethodBase m when m.IsPublic => "public",
        MethodBase m when m.IsFamily || m.IsFamilyOrAssembly => "protected",
        FieldInfo f when f.IsPublic => "public",
        FieldInfo f when f.IsFamily || f.IsFamilyOrAssembly => "protected",
        PropertyInfo p => (p.GetMethod ?? p.SetMethod) is { } accessor ? Visible(accessor) : null,
        EventInfo e => e.AddMethod is { } add ? Visible(add) : null,
        Type nested when nested.IsNestedPublic => "public",
        Type nested when nested.IsNestedFamily || nested.IsNestedFamORAssem => "protected",
        _ => null,
    };

    private static bool IsAccessor(MemberInfo member) => member is MethodInfo { IsSpecialName: true } method
        && (method.Name.StartsWith("get_", StringComparison.Ordinal) || method.Name.StartsWith("set_", StringComparison.Ordinal)
            || method.Name.StartsWith("add_", StringComparison.Ordinal) || method.Name.StartsWith("remove_", StringComparison.Ordinal));

    private static string Describe(MemberInfo member) => member switch
    {
        ConstructorInfo c => (c.IsStatic ? "static " : string.Empty) + ".ctor(" + Parameters(c) + ")",
        MethodInfo m => (m.IsStatic ? "static " : string.Empty) + Name(m.ReturnType) + " " + m.Name
            + (m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty)
            + "(" + Parameters(m) + ")",
        PropertyInfo p => Name(p.PropertyType) + " " + p.Name + " {" + (p.GetMethod is { } g && Visible(g) is not null ? " get;" : string.Empty)
            + (p.SetMethod is { } s && Visible(s) is not null ? (s.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit") ? " init;" : " set;") : string.Empty) + " }",
        FieldInfo f => (f.IsStatic ? "static " : string.Empty) + Name(f.FieldType) + " " + f.Name,
        EventInfo e => "event " + Name(e.EventHandlerType!) + " " + e.Name,
        Type t => "nested " + Kind(t) + " " + t.Name,
        _ => member.MemberType + " " + member.Name,
    };

    private static string Parameters(MethodBase method)
        => string.Join(", ", method.GetParameters().Select(p => Name(p.ParameterType) + " " + p.Name));

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return "ref " + Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (!type.IsGenericType)
        {
            return type.IsGenericParameter ? type.Name : type.FullName ?? type.Name;
        }

        var name = type.GetGenericTypeDefinition().FullName!;
        return name[..name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
