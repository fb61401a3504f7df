using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Emitting;

/// <summary>
/// The JSON of hierarchies of types (<see cref="HierarchyEmitter"/>). A type with subtypes reads the discriminator
/// from a copy of the reader, wherever it stands in the object, and hands the object to the reader of the type it
/// names; a value naming no type below it (or none) reads into the fallback, which also keeps the JSON. Writing
/// goes by the runtime type: the subtype's writer, the fallback's JSON as read, or the type's own properties after
/// its discriminator.
/// </summary>
internal static partial class JsonContextEmitter
{
    private static void EmitHierarchyMember(SourceWriter writer, Plan plan, Entry entry, TypeModel model)
    {
        var hierarchy = model.Hierarchy!;
        if (hierarchy.Role == HierarchyRole.Fallback)
        {
            EmitModelReader(writer, plan, entry, model, w => w.Line("var __copy = reader;").Line("var __raw = " + Json + ".JsonElement.ParseValue(ref __copy);"), "__raw");
            writer.Line();
            writer.Line("private static void __Write" + entry.Index + "(" + Writer + ", " + entry.RuntimeName + "? value, " + Options + " options) { if (value is null) writer.WriteNullValue(); else value." + hierarchy.RawMember + ".WriteTo(writer); }");
            return;
        }

        if (!hierarchy.HasSubtypes)
        {
            EmitModelReader(writer, plan, entry, model);
        }
        else if (hierarchy.IsAbstract)
        {
            writer.Open("internal static " + entry.RuntimeName + "? __Read" + entry.Index + "(" + Reader + ", " + Options + " options)");
            writer.Open("if (!__Start(ref reader, typeof(" + entry.RuntimeName + ")))");
            writer.Line("return null;");
            writer.Close();
            writer.Line();
            EmitDispatch(writer, plan, model);
            writer.Close();
        }
        else
        {
            EmitModelReader(writer, plan, entry, model, w => EmitDispatch(w, plan, model));
        }

        writer.Line();
        EmitModelWriter(writer, plan, entry, model, hierarchy.HasSubtypes ? w => EmitTypeDispatch(w, plan, hierarchy) : null);
    }

    /// <summary>The switch on the discriminator: a type below returns what its reader reads, the type's own values go on to its properties.</summary>
    private static void EmitDispatch(SourceWriter writer, Plan plan, TypeModel model)
    {
        var hierarchy = model.Hierarchy!;
        writer.Open("switch (__Discriminator(reader, " + CSharp.Literal(hierarchy.DiscriminatorProperty) + "u8))");
        foreach (var @case in hierarchy.Cases.Where(c => c.Values.Count > 0))
        {
            var labels = string.Join(" ", @case.Values.Select(v => "case " + CSharp.Literal(v) + ":"));
            writer.Line(@case.Type == model.Name ? labels + " break;" : labels + " return __Read" + ModelEntry(plan, @case.Type).Index + "(ref reader, options);");
        }

        writer.Line("default: return __Read" + ModelEntry(plan, hierarchy.Fallback!).Index + "(ref reader, options);");
        writer.Close();
        writer.Line();
    }

    /// <summary>The tests of the runtime type: a subtype (or the fallback) is written by its own writer.</summary>
    private static void EmitTypeDispatch(SourceWriter writer, Plan plan, HierarchyModel hierarchy)
    {
        for (var i = 0; i < hierarchy.Subtypes.Count; i++)
        {
            var subtype = ModelEntry(plan, hierarchy.Subtypes[i]);
            writer.Line("if (value is " + subtype.RuntimeName + " __v" + i + ") { __Write" + subtype.Index + "(writer, __v" + i + ", options); return; }");
        }

        writer.Line();
    }

    private static Entry ModelEntry(Plan plan, string name) => plan.EntryFor(new TypeRef(TypeRefKind.Model, name, IsValueType: false, Element: null, IsNullable: false));
}
