package com.amazon.ask.servlet;

import com.amazon.ask.Skill;
import com.amazon.ask.servlet.verifiers.SkillServletVerifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper in ASK's package: ASK's constructor taking verifiers is package-private, so this is
 * how a test runs ASK's own {@code SkillServlet.doPost} with a verifier of ours in its chain.
 */
public final class AskServlets {
    private AskServlets() {}

    public static SkillServlet withVerifiers(Skill skill, SkillServletVerifier... verifiers) {
        return new SkillServlet(skill, new ArrayList<>(List.of(verifiers)));
    }
}
