package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The README's run command, read from where it is defined: the arguments of the {@code run} profile's
 * exec-maven-plugin execution in pom.xml, with the pom's properties filled in. Tests that start Parley as a
 * process start exactly this command line, so they cannot drift apart from what users run.
 */
public final class RunProfile {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final String executable;
    private final List<String> arguments;

    private RunProfile(String executable, List<String> arguments) {
        this.executable = executable;
        this.arguments = List.copyOf(arguments);
    }

    /** The run profile of the pom.xml in the working directory (the project's, under Maven). */
    public static RunProfile fromPom() {
        return fromPom(Path.of("pom.xml").toAbsolutePath());
    }

    public static RunProfile fromPom(Path pom) {
        Document document = parse(pom);
        Element project = document.getDocumentElement();
        Map<String, String> properties = new HashMap<>();
        Path basedir = pom.getParent();
        properties.put("project.basedir", basedir.toString());
        properties.put("basedir", basedir.toString());
        properties.put("project.build.directory", basedir.resolve("target").toString());
        Element build = child(project, "build");
        properties.put("project.build.finalName", build == null || child(build, "finalName") == null
                ? null : child(build, "finalName").getTextContent().strip());
        Element declared = child(project, "properties");
        if (declared != null) {
            for (Element property : children(declared)) {
                properties.put(property.getTagName(), property.getTextContent().strip());
            }
        }
        Element configuration = runExecutionConfiguration(project);
        String executable = resolve(child(configuration, "executable").getTextContent().strip(), properties);
        List<String> arguments = new ArrayList<>();
        for (Element argument : children(child(configuration, "arguments"))) {
            arguments.add(resolve(argument.getTextContent().strip(), properties));
        }
        return new RunProfile(executable, arguments);
    }

    /** The program the profile runs ({@code java}). */
    public String executable() {
        return executable;
    }

    /** The arguments exactly as the profile gives them, properties filled in. */
    public List<String> arguments() {
        return arguments;
    }

    /** The value that follows {@code option} ({@code --port}, {@code --contextroot}, ...). */
    public String valueOf(String option) {
        int at = arguments.indexOf(option);
        if (at < 0 || at + 1 >= arguments.size()) {
            throw new IllegalStateException("the run profile has no " + option + " option: " + arguments);
        }
        return arguments.get(at + 1);
    }

    /** The same command line with one option's value replaced (a free port for a test, say). */
    public RunProfile with(String option, String value) {
        valueOf(option);
        List<String> changed = new ArrayList<>(arguments);
        changed.set(changed.indexOf(option) + 1, value);
        return new RunProfile(executable, changed);
    }

    /** The flags for the JVM: the arguments before {@code -jar}. */
    public List<String> jvmArguments() {
        return arguments.subList(0, arguments.indexOf("-jar"));
    }

    /** The Payara Micro options: the arguments after the launcher jar. */
    public List<String> microArguments() {
        return arguments.subList(arguments.indexOf("-jar") + 2, arguments.size());
    }

    private static Element runExecutionConfiguration(Element project) {
        for (Element profile : children(child(project, "profiles"))) {
            if (!"run".equals(child(profile, "id").getTextContent().strip())) {
                continue;
            }
            for (Element plugin : children(child(child(profile, "build"), "plugins"))) {
                if ("exec-maven-plugin".equals(child(plugin, "artifactId").getTextContent().strip())) {
                    return child(children(child(plugin, "executions")).get(0), "configuration");
                }
            }
        }
        throw new IllegalStateException("pom.xml has no run profile with an exec-maven-plugin execution");
    }

    private static String resolve(String text, Map<String, String> properties) {
        String resolved = text;
        for (int depth = 0; depth < 10 && resolved.contains("${"); depth++) {
            Matcher matcher = PROPERTY.matcher(resolved);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String value = properties.get(matcher.group(1));
                if (value == null) {
                    throw new IllegalStateException("unknown property ${" + matcher.group(1) + "} in " + text);
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(out);
            resolved = out.toString();
        }
        return resolved;
    }

    private static Document parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            try (var in = Files.newInputStream(pom)) {
                return factory.newDocumentBuilder().parse(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    private static Element child(Element parent, String name) {
        return children(parent).stream().filter(element -> element.getTagName().equals(name)).findFirst()
                .orElse(null);
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        if (parent == null) {
            return elements;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }
}
