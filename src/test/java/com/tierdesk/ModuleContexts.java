package com.tierdesk;

import java.util.Arrays;
import java.util.List;
import org.springframework.context.ApplicationContext;

/** What an application context started for one module holds. */
public final class ModuleContexts {

    private ModuleContexts() {
    }

    /** The application's beans that belong neither to the module nor to the shared kernel. */
    public static List<String> beansOfOtherModules(ApplicationContext context, String module) {
        return Arrays.stream(context.getBeanDefinitionNames())
                .map(context::getType)
                .filter(type -> type != null && type.getPackageName().startsWith("com.tierdesk."))
                .map(Class::getName)
                .filter(name -> !name.startsWith("com.tierdesk." + module + ".") && !name.startsWith("com.tierdesk.shared."))
                .toList();
    }
}
