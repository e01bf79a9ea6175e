package io.jenkins.plugins.netmind.record;

import hudson.XmlFile;
import java.io.File;
import java.io.IOException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * One of the plugin's files in {@code JENKINS_HOME} ({@link Jenkins#XSTREAM2}), read into and written from one object:
 * the registry, the connections used, the endpoints deleted for their lifetime. A failure is logged with its owner's
 * message, never thrown: a record that cannot be read or written must not stop a build or a cleanup.
 */
final class HomeFile {

    private final String fileName;
    private final Logger logger;
    private final Function<Object, String> readFailed;
    private final Function<Object, String> writeFailed;

    /**
     * @param fileName the file's name in {@code JENKINS_HOME}
     * @param readFailed the warning when it cannot be read, given the file
     * @param writeFailed the warning when it cannot be written, given the file
     */
    HomeFile(
            String fileName, Logger logger, Function<Object, String> readFailed, Function<Object, String> writeFailed) {
        this.fileName = fileName;
        this.logger = logger;
        this.readFailed = readFailed;
        this.writeFailed = writeFailed;
    }

    /** The file, in the running controller's home. */
    XmlFile file() {
        return new XmlFile(Jenkins.XSTREAM2, new File(Jenkins.get().getRootDir(), fileName));
    }

    /** Reads the file into {@code target}'s fields when it exists (a warning when it cannot be read). */
    void readInto(Object target) {
        XmlFile file = file();
        if (!file.exists()) {
            return;
        }
        try {
            file.unmarshal(target);
        } catch (IOException e) {
            logger.log(Level.WARNING, readFailed.apply(file), e);
        }
    }

    /** Writes {@code source}; false (with a warning) when it could not be written. */
    boolean write(Object source) {
        XmlFile file = file();
        try {
            file.write(source);
            return true;
        } catch (IOException e) {
            logger.log(Level.WARNING, writeFailed.apply(file), e);
            return false;
        }
    }
}
