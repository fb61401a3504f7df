using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;

namespace CelerData.Generated.Runtime.Tests.Infrastructure;

/// <summary>
/// Everything a caller can reach from an exception: by reflection over every field (public or not) of every object it
/// holds, its inner exceptions, the request and response messages, their headers and content, recursively; and the
/// text of each object's <see cref="object.ToString"/>. Used to prove that no credential is reachable.
/// </summary>
public static class ExceptionGraph
{
    private const int MaxObjects = 50_000;

    /// <summary>Every string found in the graph, and the ToString() of every object in it.</summary>
    public static string Text(Exception root)
    {
        var text = new StringBuilder();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.Count > 0 && seen.Count < MaxObjects)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            if (current is string s)
            {
                text.AppendLine(s);
                continue;
            }

            var type = current.GetType();
            if (Skip(type))
            {
                continue;
            }

            if (current is byte[] bytes)
            {
                text.AppendLine(Encoding.UTF8.GetString(bytes));
                text.AppendLine(Encoding.Latin1.GetString(bytes));
                continue;
            }

            if (current is char[] chars)
            {
                text.AppendLine(new string(chars));
                continue;
            }

            try
            {
                text.AppendLine(current.ToString());
            }
            catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ObjectDisposedException)
            {
                // Some objects (a disposed stream) cannot describe themselves; their fields are still walked.
            }

            if (current is IEnumerable sequence and not IDictionary && type.IsArray)
            {
                foreach (var item in sequence)
                {
                    if (item is not null)
                    {
                        pending.Push(item);
                    }
                }

                continue;
            }

            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType.IsByRef || field.FieldType.IsByRefLike)
                    {
                        continue;
                    }

                    var value = field.GetValue(current);
                    if (value is not null && !value.GetType().IsPrimitive && !value.GetType().IsEnum)
                    {
                        pending.Push(value);
                    }
                }
            }
        }

        if (pending.Count > 0)
        {
            throw new InvalidOperationException("The exception graph holds more than " + MaxObjects + " objects; not all of it was searched.");
        }

        return text.ToString();
    }

    /// <summary>The first secret of <paramref name="secrets"/> reachable from <paramref name="root"/>, or <see langword="null"/>.</summary>
    public static string? FindAny(Exception root, IEnumerable<string> secrets)
    {
        var text = Text(root);
        return secrets.FirstOrDefault(secret => text.Contains(secret, StringComparison.Ordinal));
    }

    private static bool Skip(Type type) =>
        type.IsPrimitive
        || typeof(MemberInfo).IsAssignableFrom(type)
        || typeof(Delegate).IsAssignableFrom(type)
        || typeof(Module).IsAssignableFrom(type)
        || typeof(Assembly).IsAssignableFrom(type)
        || type.FullName?.StartsWith("System.Reflection", StringComparison.Ordinal) == true
        || type.FullName?.StartsWith("System.Threading.Thread", StringComparison.Ordinal) == true;
}
