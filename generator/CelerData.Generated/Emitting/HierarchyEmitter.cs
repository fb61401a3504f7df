using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Emitting;

/// <summary>
/// Writes the records of a hierarchy of types (a schema with a <c>discriminator</c> and the schemas that extend it
/// through <c>allOf</c>): the root (abstract unless the discriminator names it) declares the discriminator as a
/// read-only string that every record below overrides with its value; a record with subtypes is open to them, one
/// without is sealed; the fallback, <c>Unknown{Name}</c>, holds what an unknown value read, its JSON included.
/// Each record declares only its own properties. The JSON context reads and writes them (<c>JsonContextEmitter.Hierarchies</c>).
/// </summary>
internal static class HierarchyEmitter
{
    private const string Json = "global::System.Text.Json";

    public static void Emit(SourceWriter writer, SpecModel spec, TypeModel type)
    {
        var hierarchy = type.Hierarchy!;
        writer.Summary(type.Description ?? "The " + type.Name + " schema of " + spec.Title + ".");
        var remarks = Remarks(type, hierarchy);
        if (remarks is not null)
        {
            writer.Remarks(remarks);
        }

        writer.Line(CSharp.GeneratedCodeAttribute);
        if (type.IsDeprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        var modifiers = hierarchy.IsAbstract ? "abstract " : hierarchy.HasSubtypes || hierarchy.Role == HierarchyRole.Root ? string.Empty : "sealed ";
        writer.Open("public " + modifiers + "partial record " + type.Name + (hierarchy.BaseType is null ? string.Empty : " : " + hierarchy.BaseType));
        EmitDiscriminator(writer, hierarchy);
        if (hierarchy.Role == HierarchyRole.Fallback)
        {
            writer.Block($$"""
                internal {{type.Name}}({{Json}}.JsonElement raw) => {{hierarchy.RawMember}} = raw;

                /// <summary>The JSON object as it was read: what writing this value writes, unchanged.</summary>
                public {{Json}}.JsonElement {{hierarchy.RawMember}} { get; }

                """);
        }

        for (var i = hierarchy.InheritedCount; i < type.Properties.Count; i++)
        {
            ModelsEmitter.EmitProperty(writer, spec, type, type.Properties[i]);
        }

        // Records print every property in ToString(); this keeps sensitive ones (and the fallback's JSON) out.
        if (hierarchy.Role == HierarchyRole.Root)
        {
            writer.Block($$"""
                protected virtual bool PrintMembers(global::System.Text.StringBuilder builder)
                {
                    builder.Append({{CSharp.Literal(hierarchy.DiscriminatorMember + " = ")}});
                    builder.Append({{hierarchy.DiscriminatorMember}});
                """);
        }
        else
        {
            writer.Block("""
                protected override bool PrintMembers(global::System.Text.StringBuilder builder)
                {
                    base.PrintMembers(builder);
                """);
        }

        // PrintMembers stays open for the properties; the first Close below ends it.
        writer.Indent();

        for (var i = hierarchy.InheritedCount; i < type.Properties.Count; i++)
        {
            ModelsEmitter.EmitPrint(writer, type.Properties[i], ", ");
        }

        writer.Line("return true;");
        writer.Close();
        writer.Close();
    }

    private static void EmitDiscriminator(SourceWriter writer, HierarchyModel hierarchy)
    {
        var member = hierarchy.DiscriminatorMember;
        switch (hierarchy.Role)
        {
            case HierarchyRole.Root:
                writer.Summary("The discriminator '" + hierarchy.DiscriminatorProperty + "': which type of the hierarchy this value is, written before its other properties.");
                writer.Line(hierarchy.Value is null
                    ? "public abstract string " + member + " { get; }"
                    : "public virtual string " + member + " => " + CSharp.Literal(hierarchy.Value) + ";");
                break;
            case HierarchyRole.Derived:
                writer.Line("/// <inheritdoc/>");
                writer.Line("public override string " + member + " => " + CSharp.Literal(hierarchy.Value!) + ";");
                break;
            default:
                writer.Summary("The discriminator as it was read; empty when the JSON has none, or not as a string.");
                writer.Line("public override string " + member + " => " + UnionEmitter.HasStringProperty(hierarchy.RawMember!, hierarchy.DiscriminatorProperty) + " ? value.GetString()! : string.Empty;");
                break;
        }

        writer.Line();
    }

    /// <summary>The matching rule for a type with subtypes, or the value a type without writes.</summary>
    private static string? Remarks(TypeModel type, HierarchyModel hierarchy)
    {
        if (hierarchy.HasSubtypes)
        {
            var cases = hierarchy.Cases.Where(c => c.Values.Count > 0).Select(c => c.Type + " (" + string.Join(", ", c.Values.Select(v => "'" + v + "'")) + ")");
            return "Read as the type its '" + hierarchy.DiscriminatorProperty + "' names, wherever it stands in the object: " + string.Join(", ", cases)
                + "; any other value, or none, reads as " + hierarchy.Fallback + ", which keeps the JSON. Written as the type it is, its discriminator first.";
        }

        return hierarchy.Role == HierarchyRole.Derived ? "Written with '" + hierarchy.DiscriminatorProperty + "': '" + hierarchy.Value + "'." : null;
    }
}
