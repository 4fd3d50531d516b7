// The words of the interface in the page's language. hbT("English text", { name: value }) gives the
// text in Spanish on a Spanish page (<html lang="es">, set per page by overrides/partials/language.html),
// else in English, with each {name} filled in; a text the table lacks stays in English. Every script
// of the handbook words what it shows through window.hbT. ES: English text -> Spanish, written as JSON
// (tests/render/test_ui_catalog.py reads it and checks it holds every hbT("...") of docs/assets/).
(function () {
  var ES = {
    "Copy this permanent link:": "Copia este enlace permanente:",
    "Link copied.": "Enlace copiado.",
    "Table, scrolls sideways": "Tabla, se desplaza hacia los lados",
    "Get help now": "Pide ayuda ahora",
    "Crisis lines to call or text, any time": "Líneas de crisis para llamar o enviar un mensaje de texto, a cualquier hora",
    "The decision model": "El modelo para tomar decisiones éticas",
    "Steps to think a hard situation through": "Pasos para pensar a fondo una situación difícil",
    "Principles": "Principios",
    "The code's principles, with examples": "Los principios del código, con ejemplos",
    "Boundaries": "Límites",
    "Everyday boundary questions by topic": "Preguntas cotidianas sobre límites, por tema",
    "Initializing search": "Preparando la búsqueda",
    "Type to start searching": "Escribe para empezar a buscar",
    "Search is not available here.": "La búsqueda no está disponible aquí.",
    "No matching documents": "Ningún documento coincide",
    "1 matching document": "1 documento coincide",
    "{n} matching documents": "{n} documentos coinciden",
    "Showing results for {words}.": "Se muestran resultados para {words}.",
    "{count}, with most of your words": "{count}, con la mayoría de tus palabras",
    "Not what you need? Start from one of these:": "¿No es lo que necesitas? Empieza por uno de estos:",
    "Nothing matched. Start from one of these:": "No hubo coincidencias. Empieza por uno de estos:",
    "Type a word or two, for example: gift, text after hours, money.": "Escribe una o dos palabras, por ejemplo: regalo, mensajes fuera de horario, dinero.",
    "Or start from one of these:": "O empieza por uno de estos:",
    "Start from one of these:": "Empieza por uno de estos:",
    "the list of files could not be downloaded (HTTP {status})": "no se pudo descargar la lista de archivos (HTTP {status})",
    "the list of files is not readable": "no se puede leer la lista de archivos",
    "{path} could not be downloaded (HTTP {status})": "no se pudo descargar {path} (HTTP {status})",
    "{path} is not the size the list gives: the site has changed while saving": "{path} no tiene el tamaño que indica la lista: el sitio cambió mientras se guardaba",
    "this browser did not allow enough storage space for it": "este navegador no permitió suficiente espacio de almacenamiento",
    "{path} could not be downloaded (a network error)": "no se pudo descargar {path} (un error de red)",
    "{path} could not be downloaded (no connection)": "no se pudo descargar {path} (no hay conexión)",
    "this browser allows this site {free} of storage, and the handbook needs {needed}": "este navegador le permite a este sitio {free} de almacenamiento, y el manual necesita {needed}",
    "the offline helper of this browser did not start": "el asistente sin conexión de este navegador no se inició",
    "the offline helper of this browser stopped": "el asistente sin conexión de este navegador se detuvo",
    "this browser did not allow the offline helper ({error})": "este navegador no permitió el asistente sin conexión ({error})",
    "some of it could not be deleted": "no se pudo borrar una parte",
    "edition {edition}": "edición {edition}",
    "this edition": "esta edición",
    "Saving for offline": "Guardando para usar sin conexión",
    "Save for offline": "Guardar para usar sin conexión",
    "Remove the offline copy": "Quitar la copia sin conexión",
    "This browser does not allow this site to store the handbook (it may be in private mode).": "Este navegador no le permite a este sitio guardar el manual (puede que esté en modo privado).",
    "Saved on this device: {edition}, {size} in {files} files. The whole handbook works here with no connection, search included.": "Guardado en este dispositivo: {edition}, {size} en {files} archivos. Todo el manual funciona aquí sin conexión, también la búsqueda.",
    "A new edition ({edition}) of the handbook is available.": "Hay una nueva edición ({edition}) del manual.",
    "A new version of the handbook is available.": "Hay una nueva versión del manual.",
    "The copy saved on this device is {edition}. Saving the new one downloads {size} and replaces it.": "Copia guardada en este dispositivo: {edition}. Guardar la nueva descarga {size} y la reemplaza.",
    "Save the new edition": "Guardar la nueva edición",
    "A new edition ({edition}) of the handbook is available. Saving it downloads {size} and then replaces the copy on this device.": "Hay una nueva edición ({edition}) del manual. Guardarla descarga {size} y luego reemplaza la copia de este dispositivo.",
    "A new version of the handbook is available. Saving it downloads {size} and then replaces the copy on this device.": "Hay una nueva versión del manual. Guardarla descarga {size} y luego reemplaza la copia de este dispositivo.",
    "A save that did not finish is on this device. It is not used; saving again continues it.": "En este dispositivo hay un guardado que no terminó. No se usa; si guardas de nuevo, continúa.",
    "Saving downloads {size} ({files} files) from this site, {edition}.": "Guardar descarga {size} ({files} archivos) de este sitio, {edition}.",
    "Saving for offline needs a connection to this site. Try again when you are online.": "Para guardar y usar sin conexión se necesita conexión con este sitio. Vuelve a intentarlo cuando estés en línea.",
    "Checking the size of the offline copy…": "Revisando el tamaño de la copia sin conexión…",
    "Preparing to save…": "Preparando el guardado…",
    "Saving for offline: 0 of {total}.": "Guardando para usar sin conexión: 0 de {total}.",
    "Saving for offline: {size} of {total} ({files} of {count} files).": "Guardando para usar sin conexión: {size} de {total} ({files} de {count} archivos).",
    "this browser did not allow storing it ({error})": "este navegador no permitió guardarlo ({error})",
    "{stored} of {total} files were stored before it stopped.": "Se guardaron {stored} de {total} archivos antes de que se detuviera.",
    "Your offline copy of {edition} is still the one in use.": "Tu copia sin conexión ({edition}) sigue siendo la que se usa.",
    "The handbook is not saved for offline use: the files stored so far are not used until a save finishes.": "El manual no está guardado para usar sin conexión: los archivos guardados hasta ahora no se usan hasta que termine un guardado.",
    "Saving for offline failed: {reason}.": "No se pudo guardar para usar sin conexión: {reason}.",
    "Try again": "Intentar de nuevo",
    "Removing the offline copy…": "Quitando la copia sin conexión…",
    "The offline copy is removed: nothing of it is left on this device.": "Se quitó la copia sin conexión: no queda nada de ella en este dispositivo.",
    "Saving again downloads {size}.": "Guardar de nuevo descarga {size}.",
    "The offline copy could not be removed: {reason}.": "No se pudo quitar la copia sin conexión: {reason}.",
    "You can also remove it in your browser's settings for this site (site data).": "También puedes quitarla en la configuración de tu navegador para este sitio (datos del sitio).",
    "This browser cannot save the handbook for offline use.": "Este navegador no puede guardar el manual para usarlo sin conexión.",
    "This browser cannot save the handbook for offline use from this copy.": "Este navegador no puede guardar el manual para usarlo sin conexión desde esta copia.",
    "{list} and {last}": "{list} y {last}",
    "Question {n}.": "Pregunta {n}.",
    "Choose all that apply.": "Elige todas las que correspondan.",
    "Check my answer": "Revisar mi respuesta",
    "Choose one or more answers first.": "Primero elige una o más respuestas.",
    "Choose an answer first.": "Primero elige una respuesta.",
    "You chose this: right.": "Elegiste esta: correcta.",
    "You chose this: not right.": "Elegiste esta: no es correcta.",
    "You chose this.": "Elegiste esta.",
    "Also a right answer: you did not choose it.": "También es una respuesta correcta: no la elegiste.",
    "The right answer.": "La respuesta correcta.",
    "Right: {right} are the right answers.": "Correcto: {right} son las respuestas correctas.",
    "Right: {right} is the right answer.": "Correcto: {right} es la respuesta correcta.",
    "Not right: you chose {chosen}. The right answers are {right}.": "No es correcto: elegiste {chosen}. Las respuestas correctas son {right}.",
    "Not right: you chose {chosen}. The right answer is {right}.": "No es correcto: elegiste {chosen}. La respuesta correcta es {right}.",
    "So far, {right} of {total} right.": "Hasta ahora, {right} de {total} correctas.",
    "Your result": "Tu resultado",
    "Start again": "Empezar de nuevo",
    "Your answers stay on this page: nothing is sent anywhere, and nothing is stored unless you save. “Save my progress on this device” keeps your answers to this module in this browser’s local storage, under the one key {key}, on this device only, and keeps them up to date as you go until you remove them. “Remove my saved progress” deletes that key.": "Tus respuestas se quedan en esta página: no se envía nada a ningún lugar y no se guarda nada a menos que guardes. “Guardar mi progreso en este dispositivo” guarda tus respuestas de este módulo en el almacenamiento local de este navegador, bajo una sola clave, {key}, solo en este dispositivo, y las mantiene al día mientras avanzas hasta que las quites. “Quitar mi progreso guardado” borra esa clave.",
    "Save my progress on this device": "Guardar mi progreso en este dispositivo",
    "Remove my saved progress": "Quitar mi progreso guardado",
    "{right} of {total} right. You have checked every question.": "{right} de {total} correctas. Revisaste todas las preguntas.",
    "{right} of {total} right. You have checked {checked} of {total} questions.": "{right} de {total} correctas. Revisaste {checked} de {total} preguntas.",
    "Started again: every answer is cleared.": "Empezaste de nuevo: se borraron todas las respuestas.",
    "Saved on this device. Your answers here are kept up to date until you remove them.": "Guardado en este dispositivo. Tus respuestas aquí se mantienen al día hasta que las quites.",
    "This browser does not let the handbook save here. Nothing was stored.": "Este navegador no deja que el manual guarde aquí. No se guardó nada.",
    "The saved progress could not be removed.": "No se pudo quitar el progreso guardado.",
    "Your saved progress is removed from this device. Nothing is stored.": "Se quitó tu progreso guardado de este dispositivo. No hay nada guardado.",
    "Your saved progress is back: {score}": "Tu progreso guardado volvió: {score}"
  };
  window.hbT = function (text, values) {
    var spanish = (document.documentElement.lang || "").toLowerCase().indexOf("es") === 0;
    var out = spanish && Object.prototype.hasOwnProperty.call(ES, text) ? ES[text] : String(text);
    return out.replace(/\{(\w+)\}/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  };
})();

// Copy permanent links. Every "Copy link" button copies a public address: the one in its
// data-copy attribute (sub-items), or the one shown in its box's permanent link (items and pages).
// In the offline copy the links themselves lead to files of the copy, so the address is never read
// from an href. Works with mouse, touch and keyboard (they are real buttons).
(function () {
  function setUp(root) {
    root.querySelectorAll("button.hb-copy").forEach(function (button) {
      if (button.dataset.ready) return;
      var box = button.closest(".hb-cite");
      var shown = box && box.querySelector("a.hb-permalink");
      var address = button.dataset.copy || (shown && shown.textContent.trim());
      if (!address) return;
      button.dataset.ready = "1";
      var status = document.createElement("span");
      status.className = "hb-copy-status";
      status.setAttribute("role", "status");
      button.after(status);
      button.addEventListener("click", function () {
        var done = function (text) {
          status.textContent = text;
          setTimeout(function () { status.textContent = ""; }, 3000);
        };
        var fallback = function () {
          window.prompt(window.hbT("Copy this permanent link:"), address);
          done("");
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(address).then(function () { done(" " + window.hbT("Link copied.")); }, fallback);
        } else {
          fallback();
        }
      });
    });
  }
  if (window.document$) {
    window.document$.subscribe(function () { setUp(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  }
})();

// Back closes the navigation drawer (the menu on a phone) instead of leaving the page. Opening
// it adds one history entry for the same address (history.pushState, marked {hbDrawer: true});
// Back pops that entry and the popstate closes the drawer. Closed any other way (the menu button,
// the overlay, Escape), the drawer takes its own entry off again (history.back()), unless that
// entry is no longer the current one: a link in the drawer has moved on (a section of the page
// adds its own entry; another page replaces this one). Only #__drawer is handled here: the search
// overlay (#__search) has its own Back handling in search.js, and each ignores the other's entries.
(function () {
  var drawer = document.getElementById("__drawer");
  if (!drawer || !window.history || !history.pushState) return;
  var ours = function (state) { return !!(state && state.hbDrawer); };
  var popping = false; // closing because Back popped our entry
  var leaving = false; // a link was followed: never call history.back() then
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (link && !event.defaultPrevented) leaving = true;
    setTimeout(function () { leaving = false; }, 0);
  }, true);
  // Back onto an entry of ours with the drawer shut (the page came back from elsewhere): it is stale.
  if (ours(history.state) && !drawer.checked) history.replaceState(null, "");
  drawer.addEventListener("change", function () {
    if (drawer.checked) {
      if (!ours(history.state)) history.pushState({ hbDrawer: true }, "");
    } else if (!popping && !leaving && ours(history.state)) {
      history.back();
    }
  });
  window.addEventListener("popstate", function (event) {
    if (drawer.checked && !ours(event.state)) {
      popping = true;
      drawer.click(); // as Material toggles it: its change listeners run
      popping = false;
    }
  });
})();

// A table wider than the screen scrolls sideways inside Material's .md-typeset__scrollwrap. A
// keyboard can scroll it only if it can take focus (WCAG 2.1.1; axe: scrollable-region-focusable),
// so a wrapper that overflows becomes a focusable, named region; one that fits is left alone, so
// it adds no Tab stop. Checked again whenever its size changes (a phone turned sideways).
(function () {
  function mark(root) {
    root.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        var caption = wrap.querySelector("caption");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : window.hbT("Table, scrolls sideways"));
        wrap.dataset.hbScroll = "1";
      } else if (!scrolls && wrap.dataset.hbScroll) {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
        delete wrap.dataset.hbScroll;
      }
    });
  }
  // Each wrapper is watched (ResizeObserver): its size changes with the window's, and it is marked
  // again in the same frame, before anyone can try to scroll it.
  var watched = window.ResizeObserver && new ResizeObserver(function () { mark(document); });
  var setUp = function () {
    mark(document);
    if (watched) document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) { watched.observe(wrap); });
  };
  if (window.document$) window.document$.subscribe(function () { window.requestAnimationFrame(setUp); });
  else document.addEventListener("DOMContentLoaded", setUp);
  window.addEventListener("load", setUp);
  if (!watched) window.addEventListener("resize", function () { mark(document); });
})();
