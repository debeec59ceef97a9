using System.Reflection;
using System.Reflection.Emit;

namespace AlmatyPortal.Tests.Architecture;

/// <summary>
/// Which feature folder uses which, read from the compiled assembly: every type a feature's types name in their
/// signatures, base types, attributes and method bodies (the IL's type, method and field tokens), so a reference in
/// a lambda or a local counts as much as one in a constructor.
/// </summary>
public static class FeatureDependencies
{
    public const string FeaturesNamespace = "AlmatyPortal.Web.Features.";

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The feature a type belongs to (Features/News → "News"), or null outside Features.</summary>
    public static string? FeatureOf(Type type)
    {
        var ns = type.Namespace ?? "";
        return ns.StartsWith(FeaturesNamespace, StringComparison.Ordinal) ? ns[FeaturesNamespace.Length..].Split('.')[0] : null;
    }

    /// <summary>Each (from, to) feature pair, with one example of the use.</summary>
    public static IReadOnlyDictionary<(string From, string To), string> Of(Assembly assembly)
    {
        var edges = new Dictionary<(string, string), string>();
        foreach (var type in assembly.GetTypes())
        {
            var from = FeatureOf(type);
            if (from is null)
            {
                continue;
            }
            foreach (var (used, where) in UsedBy(type))
            {
                if (FeatureOf(used) is { } to && to != from)
                {
                    edges.TryAdd((from, to), $"{type.FullName} uses {used.FullName} ({where})");
                }
            }
        }
        return edges;
    }

    private static List<(Type Type, string Where)> UsedBy(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<(Type, string)>();
        void Add(Type? t, string where)
        {
            if (t is null)
            {
                return;
            }
            if (t.HasElementType)
            {
                Add(t.GetElementType(), where);
                return;
            }
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument, where);
                }
                Add(t.GetGenericTypeDefinition(), where);
                return;
            }
            if (!t.IsGenericParameter)
            {
                found.Add((t, where));
            }
        }
        Add(type.BaseType, "base type");
        foreach (var i in type.GetInterfaces())
        {
            Add(i, "interface");
        }
        foreach (var a in type.GetCustomAttributesData())
        {
            Add(a.AttributeType, "attribute");
        }
        foreach (var field in type.GetFields(All))
        {
            Add(field.FieldType, "field " + field.Name);
        }
        foreach (var property in type.GetProperties(All))
        {
            Add(property.PropertyType, "property " + property.Name);
        }
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType, method.Name);
            }
            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType, method.Name);
            }
            foreach (var used in InBody(method))
            {
                Add(used, method.Name + " body");
            }
        }
        return found;
    }

    /// <summary>The types whose members or tokens a method's IL names.</summary>
    private static List<Type> InBody(MethodBase method)
    {
        var found = new List<Type>();
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return found;
        }
        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[i + 1])] : OpCodesByValue[il[i]];
            i += code.Size;
            var operand = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                try
                {
                    var member = module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                    if ((member as Type ?? member?.DeclaringType) is { } used)
                    {
                        found.Add(used);
                    }
                    if (member is MethodInfo { IsGenericMethod: true } called)
                    {
                        // A generic method's type arguments count too (GetRequiredService<NameBook>()).
                        found.AddRange(called.GetGenericArguments());
                    }
                }
                catch (ArgumentException)
                {
                    // A token from a generic context this walk does not model; nothing feature-specific hides there.
                }
            }
            i += operand;
        }
        return found;
    }
}
