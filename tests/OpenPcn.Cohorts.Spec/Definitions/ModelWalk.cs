using System.Reflection;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Spec.Definitions;

/// <summary>Finds the codelists a query uses by walking its series and frames.</summary>
internal static class ModelWalk
{
    public static IEnumerable<string> Codelists(Series root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!seen.Add(node))
            {
                continue;
            }

            if (node is InCodelist inCodelist)
            {
                found.Add(inCodelist.Codelist.Id);
            }

            foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (typeof(Series).IsAssignableFrom(property.PropertyType) || typeof(Frame).IsAssignableFrom(property.PropertyType))
                {
                    if (property.GetValue(node) is { } child)
                    {
                        pending.Push(child);
                    }
                }
            }
        }

        return found;
    }
}
