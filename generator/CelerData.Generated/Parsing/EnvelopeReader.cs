using System.Collections.Generic;
using System.Globalization;
using CelerData.Generated.Model;

namespace CelerData.Generated.Parsing;

/// <summary>
/// Reads <c>x-response-envelope</c>, at the document root or on an operation:
/// <c>{ code: code, message: message, data: data, success: [20000], not-found: [40004] }</c>, or <c>false</c> on an
/// operation to keep its envelope type. A malformed declaration is reported (CDG0039) and ignored.
/// </summary>
internal static class EnvelopeReader
{
    public const string Key = "x-response-envelope";

    /// <summary>The declaration under <paramref name="owner"/>; <paramref name="disabled"/> when it is <c>false</c>.</summary>
    public static EnvelopeDeclaration? Read(ParseContext context, MappingNode owner, string where, out bool disabled)
    {
        disabled = false;
        var node = owner.Get(Key);
        if (node is null)
        {
            return null;
        }

        if (node is ScalarNode scalar && scalar.AsBoolean() == false)
        {
            disabled = true;
            return null;
        }

        if (node is not MappingNode declaration)
        {
            context.Report(DiagnosticDescriptors.InvalidEnvelope, node, where, Key, "a mapping, or false to keep the envelope type");
            return null;
        }

        foreach (var entry in declaration.Entries)
        {
            if (entry.Key.Value is not ("code" or "message" or "data" or "success" or "not-found"))
            {
                context.Report(DiagnosticDescriptors.InvalidEnvelope, entry.Key, where, entry.Key.Value, "one of code, message, data, success and not-found");
                return null;
            }
        }

        var code = PropertyName(context, declaration, "code", where, required: true);
        var message = PropertyName(context, declaration, "message", where, required: false);
        var data = PropertyName(context, declaration, "data", where, required: false);
        var success = Codes(context, declaration, "success", where, required: true);
        var notFound = Codes(context, declaration, "not-found", where, required: false);
        if (code is null || success is null || notFound is null)
        {
            return null;
        }

        return new EnvelopeDeclaration(code, message, data, success.ToEquatableArray(), notFound.ToEquatableArray());
    }

    private static string? PropertyName(ParseContext context, MappingNode declaration, string key, string where, bool required)
    {
        var node = declaration.Get(key);
        if (node is ScalarNode { IsNull: false } scalar && scalar.Value.Length > 0)
        {
            return scalar.Value;
        }

        if (node is not null || required)
        {
            context.Report(DiagnosticDescriptors.InvalidEnvelope, node ?? declaration, where, key, "the name of a property of the response");
        }

        return null;
    }

    /// <summary>The codes listed under <paramref name="key"/>; empty when it is optional and absent, null (reported) when malformed.</summary>
    private static List<long>? Codes(ParseContext context, MappingNode declaration, string key, string where, bool required)
    {
        var codes = new List<long>();
        var node = declaration.Get(key);
        if (node is null && !required)
        {
            return codes;
        }

        if (node is not SequenceNode list || (required && list.Items.Count == 0))
        {
            context.Report(DiagnosticDescriptors.InvalidEnvelope, node ?? declaration, where, key, "a list of whole numbers" + (required ? " with at least one" : string.Empty));
            return null;
        }

        foreach (var item in list.Items)
        {
            if (item is not ScalarNode scalar || !long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                context.Report(DiagnosticDescriptors.InvalidEnvelope, item, where, key, "a list of whole numbers");
                return null;
            }

            codes.Add(value);
        }

        return codes;
    }
}
