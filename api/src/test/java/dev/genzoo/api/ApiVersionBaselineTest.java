package dev.genzoo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The api version moves with the api: whenever the api has a public type or member that the
 * baseline jar (baseline/, the api as last published) lacks, {@link ApiVersion#CURRENT} is a newer
 * minor version than the baseline's, so that a plugin built on the addition declares a version an
 * older genzoo refuses. (Removals and changes are the binary-compatibility check's: japicmp, at
 * verify.)
 */
final class ApiVersionBaselineTest {
    private static final Path BASELINE = Path.of("baseline", "genzoo-api-1.1.jar");
    private static final String PACKAGE = "dev.genzoo.api.";

    @Test
    void anApiWithAdditionsCarriesANewerVersionThanItsBaseline() throws Exception {
        assertThat(BASELINE)
                .as("the baseline jar, read from the api module's folder")
                .isRegularFile();
        try (URLClassLoader baseline =
                new BaselineLoader(BASELINE.toUri().toURL(), getClass().getClassLoader())) {
            Set<String> before = surface(baseline);
            Set<String> now = surface(getClass().getClassLoader());
            List<String> added = new ArrayList<>(now);
            added.removeAll(before);
            ApiVersion then = ApiVersion.parse((String) baseline.loadClass(ApiVersion.class.getName())
                    .getField("CURRENT")
                    .get(null));
            ApiVersion current = ApiVersion.provided();
            assertThat(before).as("the baseline is read").contains("class " + GenzooPlugin.class.getName());
            assertThat(current.canRun(then))
                    .as("api %s keeps running plugins built for the baseline's %s", current, then)
                    .isTrue();
            if (!added.isEmpty()) {
                assertThat(current)
                        .as(
                                "the api gained %s since its baseline %s: raise ApiVersion.CURRENT to %d.%d",
                                added, then, then.major(), then.minor() + 1)
                        .isNotEqualTo(then);
            }
        }
    }

    /** Every public type of the api and each of its public and protected members, as text. */
    private static Set<String> surface(ClassLoader loader) throws IOException {
        Set<String> out = new TreeSet<>();
        for (String name : apiClassNames()) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                continue; // not part of this version of the api (a removal is japicmp's to refuse)
            }
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            out.add("class " + type.getName());
            List<Member> members = new ArrayList<>();
            Collections.addAll(members, type.getDeclaredConstructors());
            Collections.addAll(members, type.getDeclaredMethods());
            Collections.addAll(members, type.getDeclaredFields());
            for (Member member : members) {
                boolean visible =
                        Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers());
                if (visible && !member.isSynthetic()) {
                    out.add(member.toString());
                }
            }
        }
        return out;
    }

    /** The class names in the baseline jar (the current api has at least these, or japicmp fails). */
    private static List<String> apiClassNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(BASELINE.toFile())) {
            jar.stream()
                    .map(JarEntry::getName)
                    .filter(n -> n.endsWith(".class"))
                    .forEach(n -> names.add(
                            n.substring(0, n.length() - ".class".length()).replace('/', '.')));
        }
        names.removeIf(n -> n.endsWith("package-info"));
        names.addAll(currentOnly(names));
        return names;
    }

    /** Classes of the current api that the baseline lacks, found beside the compiled api classes. */
    private static List<String> currentOnly(List<String> known) throws IOException {
        Path root = classesRoot();
        List<String> extra = new ArrayList<>();
        if (root == null) {
            return extra;
        }
        try (var files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                String rel = root.relativize(p).toString();
                String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                if (name.startsWith(PACKAGE) && !name.endsWith("package-info") && !known.contains(name)) {
                    extra.add(name);
                }
            });
        }
        return extra;
    }

    private static Path classesRoot() {
        try {
            Path location = Path.of(ApiVersion.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return Files.isDirectory(location) ? location : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** Loads the api's classes from the baseline jar first, everything else (DJL) from the test's loader. */
    private static final class BaselineLoader extends URLClassLoader {
        BaselineLoader(URL jar, ClassLoader parent) {
            super(new URL[] {jar}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    type = findClass(name);
                }
                return type;
            }
        }
    }
}
