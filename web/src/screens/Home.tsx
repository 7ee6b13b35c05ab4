export function Home() {
  return (
    <section className="home">
      <h1>Practise AWS interviews with feedback you can act on</h1>
      <p className="lead">
        Answer a question the way you would in the room. Loop Coach shows, while you type, which points of a strong answer you
        covered (quoting your sentence), whether your answer has the shape interviewers listen for, and the habits that sink
        candidates. Everything runs on this machine.
      </p>
      <p>
        <a className="button primary" href="#/library">Choose a question</a>
      </p>
      <h2>How your answer is judged</h2>
      <ul className="plain">
        <li><strong>Substance:</strong> the rubric points a strong answer covers, each matched to the sentence of yours that covers it.</li>
        <li><strong>Structure:</strong> context, choice, trade-off and result for technical answers; situation, task, action and result for stories.</li>
        <li><strong>Habits:</strong> service dumps, definitions instead of decisions, buzzwords, "it depends" without saying on what, no downside, no numbers, no ownership.</li>
      </ul>
    </section>
  );
}
