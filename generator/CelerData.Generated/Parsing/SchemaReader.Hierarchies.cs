using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Parsing;

/// <summary>
/// Hierarchies of types: a component schema with a <c>discriminator</c> (and no oneOf/anyOf) is the root record,
/// each component schema whose <c>allOf</c> refers to the root, or to a schema already in its hierarchy, a record
/// deriving from it. A type's discriminator values are the root's <c>mapping</c> keys that name it, else its
/// <c>x-ms-discriminator-value</c>, else its component name; the root has values only when the mapping names it
/// (otherwise it is abstract). Every type with subtypes gets a fallback record, <c>Unknown{Name}</c>, that a value
/// naming no type below it reads into, keeping the JSON.
/// </summary>
internal sealed partial class SchemaReader
{
    private const string ComponentSchemas = "#/components/schemas/";

    /// <summary>A component schema in a hierarchy, found before any type is built.</summary>
    private sealed class HierarchyMember
    {
        public HierarchyMember(MappingNode schema, string key, HierarchyMember? parent, SpecNode? parentReference)
        {
            Schema = schema;
            Key = key;
            Parent = parent;
            ParentReference = parentReference;
        }

        public MappingNode Schema { get; }

        /// <summary>The component's name in <c>components.schemas</c>.</summary>
        public string Key { get; }

        /// <summary>The member it extends; set once, also for a schema with its own discriminator found to extend another member.</summary>
        public HierarchyMember? Parent { get; set; }

        /// <summary>The <c>allOf</c> item that refers to the parent: its members are the parent's, declared there.</summary>
        public SpecNode? ParentReference { get; set; }

        public HierarchyMember Root => Parent?.Root ?? this;

        public List<HierarchyMember> Children { get; } = new();

        /// <summary>The discriminator values that select this type, the one it writes first.</summary>
        public List<string> Values { get; } = new();

        /// <summary>Of <see cref="Values"/>, those no type before it in the hierarchy claimed: the ones a reader matches.</summary>
        public List<string> ReadValues { get; } = new();

        /// <summary>For the root: the wire name of the discriminator property and its mapping.</summary>
        public string DiscriminatorProperty { get; set; } = string.Empty;

        public MappingNode? Mapping { get; set; }

        /// <summary>For the root, once built: the C# name of the discriminator member.</summary>
        public string? DiscriminatorMember { get; set; }

        /// <summary>For a type with subtypes: the name of its fallback type.</summary>
        public string? Fallback { get; set; }

        /// <summary>The type once built (it is built before its subtypes, which inherit its properties).</summary>
        public TypeModel? Built { get; set; }
    }

    private readonly Dictionary<SpecNode, HierarchyMember> _members = new();

    /// <summary>Finds the hierarchies among the component schemas, their members and discriminator values.</summary>
    private void FindHierarchies(MappingNode schemas)
    {
        var components = schemas.Entries.Where(e => e.Value is MappingNode).Select(e => new KeyValuePair<string, MappingNode>(e.Key.Value, (MappingNode)e.Value)).ToList();
        var roots = new List<HierarchyMember>();
        foreach (var component in components)
        {
            var schema = component.Value;
            if (schema.Get("discriminator") is MappingNode discriminator && discriminator.Get("propertyName") is ScalarNode { Value.Length: > 0 } property
                && schema.Get("$ref") is null && schema.Get("oneOf") is null && schema.Get("anyOf") is null && !_members.ContainsKey(schema))
            {
                var root = new HierarchyMember(schema, component.Key, null, null) { DiscriminatorProperty = property.Value, Mapping = discriminator.Get("mapping") as MappingNode };
                _members[schema] = root;
                roots.Add(root);
            }
        }

        if (roots.Count == 0)
        {
            return;
        }

        // A schema joins a hierarchy when its allOf refers to a member; members found in one pass let the next find
        // theirs. A schema with a discriminator of its own that extends a member joins that hierarchy too (the root's
        // discriminator and mapping decide), unless that would make it its own ancestor.
        var added = true;
        while (added)
        {
            added = false;
            foreach (var component in components)
            {
                _members.TryGetValue(component.Value, out var existing);
                if (existing?.Parent is not null || ParentOf(component.Value) is not { } found || (existing is not null && found.Parent.Root == existing) || Depth(found.Parent) >= MaxResolveDepth)
                {
                    continue;
                }

                var member = existing ?? new HierarchyMember(component.Value, component.Key, null, null);
                member.Parent = found.Parent;
                member.ParentReference = found.Reference;
                found.Parent.Children.Add(member);
                _members[component.Value] = member;
                roots.Remove(member);
                added = true;
            }
        }

        foreach (var root in roots)
        {
            var members = Descendants(root).ToList();
            AssignValues(root, members);
            if (root.Children.Count == 0)
            {
                // A discriminator nothing extends is an ordinary property of an ordinary record.
                _members.Remove(root.Schema);
            }
        }
    }

    /// <summary>How many members stand above this one (a bound on hierarchies, which are built and read by recursion).</summary>
    private static int Depth(HierarchyMember member) => member.Parent is null ? 0 : 1 + Depth(member.Parent);

    /// <summary>The member an allOf of <paramref name="schema"/> refers to, and that allOf item.</summary>
    private (HierarchyMember Parent, SpecNode Reference)? ParentOf(MappingNode schema)
    {
        if (schema.Get("allOf") is not SequenceNode allOf)
        {
            return null;
        }

        foreach (var item in allOf.Items)
        {
            if (item is MappingNode { } part && part.Get("$ref") is ScalarNode reference && Target(reference.Value) is { } target && _members.TryGetValue(target, out var parent))
            {
                return (parent, item);
            }
        }

        return null;
    }

    /// <summary>The schema a local reference (or a bare component name, as mappings may give) leads to; null, unreported (the schemas themselves are read and reported elsewhere), when there is none.</summary>
    private MappingNode? Target(string reference)
    {
        var pointer = ReferenceResolver.IsLocal(reference) ? reference : ComponentSchemas + reference;
        return ReferenceResolver.Resolve(_context.Root, pointer) is MappingNode target
            ? _context.FollowReferences(target, ParseContext.ExternalSchema, "a schema mapping", report: false)
            : null;
    }

    /// <summary>A member and every member below it, depth first in document order.</summary>
    private static IEnumerable<HierarchyMember> Descendants(HierarchyMember member)
    {
        yield return member;
        foreach (var child in member.Children)
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private void AssignValues(HierarchyMember root, List<HierarchyMember> members)
    {
        var bySchema = members.ToDictionary(m => (SpecNode)m.Schema);
        foreach (var entry in root.Mapping?.Entries ?? Enumerable.Empty<KeyValuePair<ScalarNode, SpecNode>>())
        {
            if (entry.Value is ScalarNode target && Target(target.Value) is { } schema && bySchema.TryGetValue(schema, out var named))
            {
                named.Values.Add(entry.Key.Value);
            }
            else if (root.Children.Count > 0)
            {
                _context.Report(DiagnosticDescriptors.DiscriminatorNotSupported, entry.Value, root.Key, "the mapping of '" + entry.Key.Value + "' names no schema that extends it through allOf, so that value reads as the fallback type");
            }
        }

        var claimed = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (member.Values.Count == 0 && member != root)
            {
                member.Values.Add(member.Schema.Get("x-ms-discriminator-value") is ScalarNode { Value.Length: > 0 } value ? value.Value : member.Key);
            }

            member.ReadValues.AddRange(member.Values.Where(claimed.Add));
        }
    }

    /// <summary>Claims the fallback type names, after every component has its name.</summary>
    private void DeclareFallbacks()
    {
        foreach (var member in _members.Values.Where(m => m.Children.Count > 0).OrderBy(m => m.Schema.Start.Offset))
        {
            member.Fallback = ClaimTypeName("Unknown" + _declared[member.Schema], TypeKind.Object);
        }
    }

    /// <summary>The record of a hierarchy member: its ancestors' properties first, then its own; and its fallback when it has subtypes.</summary>
    private TypeModel BuildMember(HierarchyMember member, string name)
    {
        if (member.Built is not null)
        {
            return member.Built;
        }

        var root = member.Root;
        var inherited = member.Parent is null ? new List<PropertyModel>() : BuildMember(member.Parent, _declared[member.Parent.Schema]).Properties.ToList();
        var scope = new NameScope(RecordMembers);
        scope.Reserve(name);
        if (root.DiscriminatorMember is null)
        {
            var pascal = Identifiers.ToPascalCase(root.DiscriminatorProperty, "Discriminator");
            root.DiscriminatorMember = scope.Claim(scope.IsTaken(pascal) ? pascal + "Value" : pascal);
        }
        else
        {
            scope.Reserve(root.DiscriminatorMember);
        }

        foreach (var property in inherited)
        {
            scope.Reserve(property.Name);
        }

        var members = new List<KeyValuePair<ScalarNode, SpecNode>>();
        var required = new HashSet<string>(System.StringComparer.Ordinal);
        CollectMembers(member.Schema, members, required, new HashSet<SpecNode>(), name, member.ParentReference);
        members.RemoveAll(m => m.Key.Value == root.DiscriminatorProperty || inherited.Any(p => p.WireName == m.Key.Value));
        var properties = inherited.Concat(BuildProperties(members, required, name, scope)).ToList();

        var cases = Descendants(member)
            .Where(m => m != member || m.Values.Count > 0)
            .Select(m => new HierarchyCaseModel(_declared[m.Schema], m.ReadValues.ToEquatableArray()))
            .ToEquatableArray();
        var hierarchy = new HierarchyModel(
            member.Parent is null ? HierarchyRole.Root : HierarchyRole.Derived,
            member.Parent is null ? null : _declared[member.Parent.Schema],
            inherited.Count,
            root.DiscriminatorProperty,
            root.DiscriminatorMember,
            member.Values.FirstOrDefault(),
            member.Children.Select(c => _declared[c.Schema]).Concat(member.Fallback is null ? Enumerable.Empty<string>() : new[] { member.Fallback }).ToEquatableArray(),
            member.Fallback is null ? EquatableArray<HierarchyCaseModel>.Empty : cases,
            member.Fallback,
            RawMember: null);
        member.Built = new TypeModel(
            TypeKind.Object,
            name,
            _context.GetDescription(member.Schema, name),
            _context.GetBoolean(member.Schema, "deprecated", name),
            properties.ToEquatableArray(),
            EquatableArray<EnumMemberModel>.Empty,
            Hierarchy: hierarchy);

        if (member.Fallback is not null)
        {
            var rawScope = new NameScope(RecordMembers.Concat(properties.Select(p => p.Name)).Concat(new[] { member.Fallback, root.DiscriminatorMember }));
            SetType(member.Fallback, new TypeModel(
                TypeKind.Object,
                member.Fallback,
                "A " + name + " whose '" + root.DiscriminatorProperty + "' names no type the API description lists (a kind the service added later, say): its properties as " + name + " has them, and the JSON as it was read.",
                IsDeprecated: false,
                properties.ToEquatableArray(),
                EquatableArray<EnumMemberModel>.Empty,
                Hierarchy: new HierarchyModel(HierarchyRole.Fallback, name, properties.Count, root.DiscriminatorProperty, root.DiscriminatorMember, null, EquatableArray<string>.Empty, EquatableArray<HierarchyCaseModel>.Empty, null, rawScope.Claim("Raw"))));
        }

        return member.Built;
    }
}
