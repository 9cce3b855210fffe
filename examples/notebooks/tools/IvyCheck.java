import java.io.File;
import java.util.List;

import org.apache.ivy.Ivy;
import org.apache.ivy.core.module.descriptor.DefaultDependencyDescriptor;
import org.apache.ivy.core.module.descriptor.DefaultModuleDescriptor;
import org.apache.ivy.core.module.id.ModuleRevisionId;
import org.apache.ivy.core.report.ArtifactDownloadReport;
import org.apache.ivy.core.report.ResolveReport;
import org.apache.ivy.core.resolve.ResolveOptions;
import org.apache.ivy.core.settings.IvySettings;
import org.apache.ivy.plugins.resolver.IBiblioResolver;
import org.apache.ivy.util.DefaultMessageLogger;
import org.apache.ivy.util.Message;

/**
 * Resolves a Maven artifact with Apache Ivy from a local Maven repository only (offline), the way IJava's
 * {@code %maven} magic does (Ivy, m2-compatible resolver over the local repository, configuration
 * "default", transitive). Checks that the installed (flattened) POMs are readable by Ivy and that every
 * runtime dependency is present. Prints the resolved jars; exits 1 on any resolution problem.
 *
 * <pre>
 * java -cp ivy-2.5.0-rc1.jar examples/notebooks/tools/IvyCheck.java ~/.m2/repository org.mdsens:mdsens-viz:0.1.0-SNAPSHOT
 * </pre>
 */
public class IvyCheck {
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: IvyCheck <local-maven-repository> <group:artifact:version>");
            System.exit(2);
        }
        File repo = new File(args[0]).getAbsoluteFile();
        String[] gav = args[1].split(":");
        Message.setDefaultLogger(new DefaultMessageLogger(Message.MSG_WARN));

        IvySettings settings = new IvySettings();
        settings.setDefaultCache(new File(System.getProperty("java.io.tmpdir"), "mdsens-ivy-check-cache"));
        IBiblioResolver local = new IBiblioResolver();
        local.setName("maven-local");
        local.setM2compatible(true);
        local.setUsepoms(true);
        local.setRoot(repo.toURI().toString());
        settings.addResolver(local);
        settings.setDefaultResolver(local.getName());
        Ivy ivy = Ivy.newInstance(settings);

        DefaultModuleDescriptor caller = DefaultModuleDescriptor.newDefaultInstance(
                ModuleRevisionId.newInstance("org.mdsens", "ivy-check-caller", "working"));
        DefaultDependencyDescriptor dependency = new DefaultDependencyDescriptor(caller,
                ModuleRevisionId.newInstance(gav[0], gav[1], gav[2]), false, true, true);
        dependency.addDependencyConfiguration("default", "default");
        caller.addDependency(dependency);

        ResolveOptions options = new ResolveOptions().setConfs(new String[] {"default"}).setTransitive(true)
                .setDownload(true);
        ResolveReport report = ivy.resolve(caller, options);
        List<?> problems = report.getAllProblemMessages();
        for (ArtifactDownloadReport a : report.getAllArtifactsReports()) {
            System.out.println(a.getArtifact().getModuleRevisionId() + " -> " + a.getLocalFile());
        }
        System.out.println(report.getAllArtifactsReports().length + " artifacts resolved, " + problems.size()
                + " problems");
        for (Object p : problems) System.out.println("PROBLEM: " + p);
        System.exit(report.hasError() || !problems.isEmpty() ? 1 : 0);
    }
}
