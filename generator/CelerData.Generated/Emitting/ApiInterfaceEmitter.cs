using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Emitting;

/// <summary>Writes <c>I{ClientName}Api</c>: a Refit interface with one method per operation.</summary>
internal static class ApiInterfaceEmitter
{
    public static string Emit(SpecModel spec)
    {
        var writer = SourceWriter.CreateFile(nullableWarnings: false);
        writer.Open("namespace " + spec.Namespace);
        writer.Summary(spec.Title + (spec.Description is null ? string.Empty : "\n" + spec.Description));
        writer.Block($$"""
            {{CSharp.GeneratedCodeAttribute}}
            public partial interface {{spec.InterfaceName}}
            {
            """);

        // The interface stays open for the methods; the Close at the end ends it.
        writer.Indent();
        var first = true;
        foreach (var operation in spec.Operations)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Summary(operation.Summary ?? operation.Description ?? operation.HttpMethod + " " + operation.Path);
            writer.Line("/// <remarks>");
            if (operation.Summary is not null && operation.Description is not null)
            {
                foreach (var line in CSharp.DocLines(operation.Description))
                {
                    writer.Line(line.Length == 0 ? "///" : "/// " + line);
                }
            }

            writer.Line("/// <para>Sends <c>" + string.Join(" ", CSharp.DocLines(operation.HttpMethod + " " + operation.Template.SentTemplate)) + "</c>; security: " + string.Join(" ", CSharp.DocLines(operation.Security.ToRequirementText())) + ".</para>");
            if (operation.Parameters.Any(p => p.Location == ParameterLocation.Cookie))
            {
                // The attribute is what Refit's reflection path reads; the generated implementation does not.
                writer.Line("/// <para>The cookie parameters go in one <c>Cookie</c> header as <c>name=value</c> pairs; the <c>[Refit.Header(\"Cookie\")]</c> on each is read only by Refit's reflection-based <c>RestService</c>, which would send a bare value instead.</para>");
            }

            writer.Line("/// </remarks>");

            foreach (var parameter in operation.Parameters)
            {
                var text = parameter.Description ?? (parameter.Location == ParameterLocation.Body ? "The request body." : "The '" + parameter.WireName + "' " + parameter.Location.ToString().ToLowerInvariant() + " parameter.");
                writer.Line("/// <param name=\"" + parameter.Name + "\">" + string.Join(" ", CSharp.DocLines(text)) + "</param>");
            }

            writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
            if (operation.IsDeprecated)
            {
                writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
            }

            if (Signatures.RefitVerb(operation.HttpMethod) is { } verb)
            {
                writer.Line("[global::Refit." + verb + "(" + CSharp.Literal(operation.Template.RefitTemplate) + ")]");
            }

            writer.Line(Signatures.ReturnType(operation, spec.Namespace) + " " + operation.MethodName + "(" + Signatures.Parameters(operation, spec.Namespace, withAttributes: true, withDefaults: true) + ");");
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
