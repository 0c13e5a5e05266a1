package io.github.skillmessaging.internal;

import java.lang.module.ModuleDescriptor;

/**
 * The SDK's version: {@code Implementation-Version} of the jar's manifest (on the class path), or
 * the version of the named module (on the module path, where packages carry no manifest
 * attributes); {@code "dev"} when run from classes.
 */
public final class Version {
    private static final String VERSION = read();

    private Version() {}

    public static String get() {
        return VERSION;
    }

    private static String read() {
        Package pkg = Version.class.getPackage();
        String v = pkg == null ? null : pkg.getImplementationVersion();
        if (v == null || v.isBlank()) {
            ModuleDescriptor descriptor = Version.class.getModule().getDescriptor();
            v = descriptor == null ? null : descriptor.rawVersion().orElse(null);
        }
        return v == null || v.isBlank() ? "dev" : v;
    }
}
