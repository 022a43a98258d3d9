package io.jsnooper.agent.match;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;

/**
 * A pattern naming methods without annotating them, as {@code include=} and {@code attach --include}
 * take it: {@code com.acme.OrderService#place}, {@code com.acme.OrderService} (all its methods),
 * {@code com.acme.*} (the classes of a package), {@code com.acme..*} (and of its subpackages),
 * optionally with parameter types: {@code com.acme.OrderService#place(java.lang.String,int)}.
 * Nested classes are part of their outer class's package: {@code Outer$Inner}.
 */
public final class MethodPattern {

    private enum Scope { CLASS, PACKAGE, SUBPACKAGES }

    private final String text;
    private final Scope scope;
    /** Internal name of the class, or the package prefix ending in '/'. */
    private final String owner;
    private final String method;
    /** Parameter descriptor {@code (Ljava/lang/String;I)}, or null for any parameters. */
    private final String parameters;

    private MethodPattern(String text, Scope scope, String owner, String method, String parameters) {
        this.text = text;
        this.scope = scope;
        this.owner = owner;
        this.method = method;
        this.parameters = parameters;
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code text} */
    public static MethodPattern parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("an empty pattern");
        }
        String method = null;
        String parameters = null;
        int hash = s.indexOf('#');
        String type = hash < 0 ? s : s.substring(0, hash);
        if (hash >= 0) {
            String rest = s.substring(hash + 1);
            int paren = rest.indexOf('(');
            method = paren < 0 ? rest : rest.substring(0, paren);
            if (paren >= 0) {
                if (!rest.endsWith(")")) {
                    throw new IllegalArgumentException("'" + text + "': parameter types must end with ')'");
                }
                parameters = descriptorOf(text, rest.substring(paren + 1, rest.length() - 1));
            }
            if (!isIdentifier(method) && !method.equals("<init>") && !method.equals("*")) {
                throw new IllegalArgumentException("'" + text + "': '" + method + "' is not a method name");
            }
            if (method.equals("*")) {
                method = null;
            }
        }
        Scope scope;
        String owner;
        if (type.endsWith("..*")) {
            scope = Scope.SUBPACKAGES;
            owner = type.substring(0, type.length() - 3).replace('.', '/') + "/";
        } else if (type.endsWith(".*")) {
            scope = Scope.PACKAGE;
            owner = type.substring(0, type.length() - 2).replace('.', '/') + "/";
        } else {
            scope = Scope.CLASS;
            owner = type.replace('.', '/');
        }
        String check = scope == Scope.CLASS ? owner : owner.substring(0, owner.length() - 1);
        for (String part : check.split("/", -1)) {
            if (!isIdentifier(part.replace("$", ""))) {
                throw new IllegalArgumentException("'" + text + "' is not a class or package name"
                        + " (use pkg.Class#method, pkg.Class, pkg.* or pkg..*)");
            }
        }
        if (scope != Scope.CLASS && method != null) {
            throw new IllegalArgumentException("'" + text + "': name a class to select a method by name");
        }
        return new MethodPattern(s, scope, owner, method, parameters);
    }

    /** Whether any method of the class could match: the cheap test the transformer runs on every class. */
    public boolean matchesClass(String internalName) {
        switch (scope) {
            case CLASS:
                return internalName.equals(owner);
            case PACKAGE:
                return internalName.startsWith(owner) && internalName.indexOf('/', owner.length()) < 0;
            default:
                return internalName.startsWith(owner);
        }
    }

    public boolean matches(String internalName, String methodName, String descriptor) {
        if (!matchesClass(internalName)) {
            return false;
        }
        if (method != null && !method.equals(methodName)) {
            return false;
        }
        return parameters == null || descriptor.startsWith(parameters);
    }

    /** The class part: the name the closest-match search compares loaded classes with. */
    public String ownerName() {
        return owner.replace('/', '.');
    }

    @Override
    public String toString() {
        return text;
    }

    private static String descriptorOf(String text, String list) {
        StringBuilder d = new StringBuilder("(");
        if (!list.isBlank()) {
            for (String p : list.split(",")) {
                d.append(typeDescriptor(text, p.trim()));
            }
        }
        return d.append(')').toString();
    }

    private static String typeDescriptor(String text, String javaType) {
        int dims = 0;
        String base = javaType;
        while (base.endsWith("[]")) {
            dims++;
            base = base.substring(0, base.length() - 2).trim();
        }
        String d;
        switch (base) {
            case "boolean": d = "Z"; break;
            case "byte": d = "B"; break;
            case "char": d = "C"; break;
            case "short": d = "S"; break;
            case "int": d = "I"; break;
            case "long": d = "J"; break;
            case "float": d = "F"; break;
            case "double": d = "D"; break;
            default:
                if (!base.contains(".") && !base.isEmpty() && Character.isUpperCase(base.charAt(0))) {
                    base = "java.lang." + base; // String, Integer, Object
                }
                for (String part : base.split("\\.", -1)) {
                    if (!isIdentifier(part.replace("$", ""))) {
                        throw new IllegalArgumentException("'" + text + "': '" + javaType + "' is not a type");
                    }
                }
                d = Type.getObjectType(base.replace('.', '/')).getDescriptor();
        }
        return "[".repeat(dims) + d;
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!Character.isJavaIdentifierPart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Parses {@code ;}-separated patterns. */
    public static List<MethodPattern> parseAll(List<String> texts) {
        List<MethodPattern> patterns = new ArrayList<>();
        for (String t : texts) {
            if (!t.isBlank()) {
                patterns.add(parse(t));
            }
        }
        return patterns;
    }
}
